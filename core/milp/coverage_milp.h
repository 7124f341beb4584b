#pragma once
// The covering models as MILPs for CBC, a client being covered by the allowed candidates
// within the radius. MCLP: binary open y_i, covered z_j in [0, 1] with z_j <= sum y_i over
// j's covering candidates, sum y = p, minimise -sum w_j z_j (the objective is the negated
// covered weight). LSCP: minimise sum y_i with sum y_i >= 1 over each client's covering
// candidates. For CBC in exact mode (location_exact.h) and as the benchmark's peer.
#include "engine/solvers/location_problem.h"
#include "milp/milp_model.h"

#include <cstdint>

namespace gf {

class CoverageMilp
{
  public:
    //! MCLP with \a p sites. Clients with zero weight or nothing covering them are left out.
    static CoverageMilp maximalCovering( const LocationProblem &problem, double radius, std::uint32_t p );

    //! LSCP: every client with positive weight covered (the caller checks that it can be).
    static CoverageMilp setCovering( const LocationProblem &problem, double radius );

    const MilpModel &model() const { return mModel; }

  private:
    CoverageMilp() = default;
    MilpModel mModel;
};

} // namespace gf
