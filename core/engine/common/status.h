#pragma once
// Error codes and a small result type. Core never produces user-facing text: callers map
// codes to translated messages; `subject` carries the identifier involved (a row, a value).
#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace gf {

enum class ErrorCode
{
  Ok,
  Canceled,
  InvalidArgument,
  EmptyNetwork,            //!< no usable road segment
  NetworkDisconnected,     //!< every road is its own component
  NoDemand,
  NoCandidates,
  TooManyFacilities,       //!< p larger than the candidates that may be opened
  CapacityBelowDemand,
  NothingCoverable,
  NoSuitableLand,
  Infeasible,
  UnitMismatch,            //!< coordinates look like degrees where metres are expected
  SolverUnavailable,
  TimeLimit,
  CoverageUndecidable,     //!< a sparse matrix leaves out pairs that may decide the answer (within the radius, or needed for capacity)
};

struct Error
{
  ErrorCode code = ErrorCode::Ok;
  std::string subject;  //!< identifier or value the error is about, never prose
};

//! Either a value or an Error.
template<typename T>
class Result
{
  public:
    Result( T value ) : mData( std::move( value ) ) {}
    Result( Error error ) : mData( std::move( error ) ) {}

    bool isOk() const { return std::holds_alternative<T>( mData ); }
    explicit operator bool() const { return isOk(); }

    T &value() { return std::get<T>( mData ); }
    const T &value() const { return std::get<T>( mData ); }
    T &operator*() { return value(); }
    const T &operator*() const { return value(); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }

    const Error &error() const { return std::get<Error>( mData ); }

  private:
    std::variant<T, Error> mData;
};

inline Error makeError( ErrorCode code, std::string subject = {} )
{
  return Error{ code, std::move( subject ) };
}

} // namespace gf
