#pragma once
// The binary "open" columns every location MILP starts with: one per candidate that is not
// banned, required candidates fixed open, plus the allowed-assignment test they all share.
// They are the model's first columns, in candidate order, so any solution vector decodes to
// its open candidates without the object that built the model.
#include "engine/solvers/location_problem.h"
#include "engine/solvers/sparse_location_problem.h"
#include "milp/milp_model.h"

#include <cstdint>
#include <vector>

namespace gf {

//! The client and candidate of an assignment column x_ij.
struct AssignmentColumn
{
  std::uint32_t column = 0;
  std::uint32_t client = 0;
  std::uint32_t candidate = 0;
};

class LocationMilpColumns
{
  public:
    //! Adds the columns to the empty \a model with objective \a fixedCost per candidate (empty = 0).
    LocationMilpColumns( MilpModel &model, const LocationProblem &problem, const std::vector<double> &fixedCost );

    bool isAllowed( std::uint32_t candidate ) const { return mColumn[candidate] != UINT32_MAX; }

    //! Candidate not banned and a finite cost below kForbiddenAssignment.
    bool allows( std::uint32_t client, std::uint32_t candidate ) const;

    //! Column of an allowed candidate.
    std::uint32_t column( std::uint32_t candidate ) const { return mColumn[candidate]; }

    //! Every open column, by candidate.
    const std::vector<std::uint32_t> &columns() const { return mColumns; }

    //! Adds minOpen <= sum y <= maxOpen (maxOpen 0 = no maximum).
    void addCountRow( MilpModel &model, double minOpen, double maxOpen ) const;

    //! Adds an assignment column x in [0, 1] to the allowed \a candidate with its row x <= y (the
    //! opening constraint spopt #419 left out of its sparse model); returns the column.
    std::uint32_t addAssignment( MilpModel &model, std::uint32_t candidate, double objective, bool integer ) const;

    //! The site rules of \a problem as a LocationProblem without clients, which is all the open
    //! columns of a sparse model look at (keep it alive while the columns object is used).
    static LocationProblem sitesOf( const SparseLocationProblem &problem );

    //! Whether \a client of \a problem may be served beyond its stored pairs: the sparse models'
    //! column h_i at weight * beyondCost[i] (BEAMR, Church 2008).
    static bool servesBeyond( const SparseLocationProblem &problem, std::uint32_t client );

    //! Open candidates, ascending, of a solution \a values of a model built on \a problem.
    static std::vector<std::uint32_t> decodeOpen( const LocationProblem &problem, const std::vector<double> &values );

  private:
    const LocationProblem &mProblem;
    std::vector<std::uint32_t> mColumn;      //!< per candidate, UINT32_MAX if banned
    std::vector<std::uint32_t> mColumns;
};

} // namespace gf
