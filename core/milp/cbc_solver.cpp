#include "milp/cbc_solver.h"

#include <CbcModel.hpp>
#include <CbcSolver.hpp>
#include <CoinPackedMatrix.hpp>
#include <OsiClpSolverInterface.hpp>

#include <chrono>
#include <cstdio>
#include <string>

namespace gf {

namespace {

//! CBC's event callback: stops the search when the sink is canceled.
class CancelHandler : public CbcEventHandler
{
  public:
    explicit CancelHandler( ProgressSink &progress ) : mProgress( progress ) {}
    CbcAction event( CbcEvent ) override { return mProgress.isCanceled() ? stop : noAction; }
    CbcEventHandler *clone() const override { return new CancelHandler( *this ); }

  private:
    ProgressSink &mProgress;
};

} // namespace

Result<MilpResult> solveWithCbc( const MilpModel &model, const MilpOptions &options, ProgressSink &progress )
{
  if ( progress.isCanceled() )
    return makeError( ErrorCode::Canceled );
  const auto start = std::chrono::steady_clock::now();
  const int columns = static_cast<int>( model.columnCount() );
  const int rows = static_cast<int>( model.rowCount() );

  std::vector<int> rowIndex( model.entryColumn().size() );
  std::vector<int> columnIndex( model.entryColumn().begin(), model.entryColumn().end() );
  for ( int row = 0; row < rows; ++row )
  {
    for ( std::size_t entry = model.rowStart()[row]; entry < model.rowStart()[row + 1]; ++entry )
      rowIndex[entry] = row;
  }
  const CoinPackedMatrix matrix( false, rowIndex.data(), columnIndex.data(), model.entryValue().data(),
                                 static_cast<CoinBigIndex>( rowIndex.size() ) );
  auto bound = []( double value ) {
    return value == MilpModel::kInfinity ? COIN_DBL_MAX : value == -MilpModel::kInfinity ? -COIN_DBL_MAX : value;
  };
  std::vector<double> columnLower( model.columnLower() ), columnUpper( model.columnUpper() );
  std::vector<double> rowLower( model.rowLower() ), rowUpper( model.rowUpper() );
  for ( double &value : columnLower )
    value = bound( value );
  for ( double &value : columnUpper )
    value = bound( value );
  for ( double &value : rowLower )
    value = bound( value );
  for ( double &value : rowUpper )
    value = bound( value );

  OsiClpSolverInterface solver;
  solver.loadProblem( matrix, columnLower.data(), columnUpper.data(), model.objective().data(), rowLower.data(),
                      rowUpper.data() );
  for ( int column = 0; column < columns; ++column )
  {
    if ( model.integer()[column] )
      solver.setInteger( column );
  }
  solver.messageHandler()->setLogLevel( 0 );
  CbcModel cbc( solver );
  CbcSolverUsefulData solverData;
  CbcMain0( cbc, solverData );
  cbc.setLogLevel( 0 );
  CancelHandler handler( progress );
  cbc.passInEventHandler( &handler );
  const std::string seconds = std::to_string( options.timeLimitS );
  const std::string threads = std::to_string( options.threads );
  std::vector<const char *> argv = { "gf_milp", "-log", "0", "-seconds", seconds.c_str() };
  // The incumbent enters as a cutoff: CBC's MIP-start path crashes in presolve on some
  // models (CBC 2.10.8), and a cutoff prunes exactly as the incumbent would.
  const std::string cutoff = std::to_string( options.cutoff );
  if ( options.cutoff < MilpModel::kInfinity )
  {
    argv.push_back( "-cutoff" );
    argv.push_back( cutoff.c_str() );
  }
  if ( options.threads > 1 )
  {
    argv.push_back( "-threads" );
    argv.push_back( threads.c_str() );
  }
  argv.push_back( "-solve" );
  argv.push_back( "-quit" );
  CbcMain1( static_cast<int>( argv.size() ), argv.data(), cbc, []( CbcModel *, int ) { return 0; }, solverData );

  MilpResult result;
  result.seconds = std::chrono::duration<double>( std::chrono::steady_clock::now() - start ).count();
  result.provenInfeasible = cbc.isProvenInfeasible();
  result.bestBound = cbc.getBestPossibleObjValue();
  if ( cbc.bestSolution() )
  {
    result.hasSolution = true;
    result.objective = cbc.getObjValue();
    result.values.assign( cbc.bestSolution(), cbc.bestSolution() + columns );
    result.provenOptimal = cbc.isProvenOptimal();
  }
  return result;
}

} // namespace gf
