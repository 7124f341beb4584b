#pragma once
// Exact solver for small single-source models (SSCFLP, capacitated p-median): Lagrangian branch
// and bound. Every node is bounded by SingleSourceLagrangian (subgradient steps warm-started
// from its parent's multipliers) and pruned by the incumbent; candidates whose opening or
// closing alone would push the node's bound over the incumbent are fixed (probing); the relaxed
// solution of every node below the root is repaired into a plan once (when a repair is given),
// as better incumbents prune the rest of the tree. Branching fixes a client whose relaxed
// assignment is not unique to one candidate, or away from it, so the tree is complete. Nodes
// are taken best bound first. When it stops early (node or time limit, cancel) the bound is the
// least over the open nodes: honest, not the incumbent.
#include "engine/common/progress_sink.h"
#include "engine/solvers/candidate_ranking.h"
#include "engine/solvers/location_site_rules.h"
#include "engine/solvers/single_source_search.h"

#include <chrono>
#include <cstdint>
#include <functional>
#include <vector>

namespace gf {

//! Largest clients × candidates on which the single-source solvers run the branch and bound.
inline constexpr double kSingleSourceTreePairs = 20000.0;

struct SingleSourceBranchAndBoundResult
{
  bool finished = false;                    //!< tree exhausted: the incumbent is optimal
  double lowerBound = 0.0;                  //!< on the optimum of the model
  double objective = 0.0;                   //!< of the incumbent (infinity when none is known)
  std::vector<std::uint32_t> assignment;    //!< of the incumbent when the search found it, else empty
  std::vector<char> isOpen;                 //!< per candidate, with assignment
  std::uint64_t nodes = 0;
};

class SingleSourceBranchAndBound
{
  public:
    //! Feasible solution near a relaxed one (its open set, the clients' preferred candidates):
    //! returns its objective and fills \a isOpen and the assignment, or infinity.
    using Repair = std::function<double( std::vector<char> &isOpen, const std::vector<std::uint32_t> &preferred,
                                         std::vector<std::uint32_t> &assignment )>;

    SingleSourceBranchAndBound( const SingleSourceModel &model, const LocationSiteRules &rules, const CandidateRanking &ranking );

    //! \a incumbent: objective of a known solution (infinity for none); \a multiplier: a start for
    //! the root (empty: each client's cheapest cost). \a repair may be empty.
    SingleSourceBranchAndBoundResult solve( double incumbent, const std::vector<double> &multiplier,
                                            std::chrono::steady_clock::time_point deadline, std::uint64_t nodeLimit,
                                            ProgressSink &progress, const Repair &repair = Repair() );

  private:
    const SingleSourceModel &mModel;
    const LocationSiteRules &mRules;
    const CandidateRanking &mRanking;
};

} // namespace gf
