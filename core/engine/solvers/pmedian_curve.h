#pragma once
// Curve mode: the p-median for every p from pMin to pMax, so planners see how the cost and
// the coverage fall as stations are added and where more stations stop paying. Each p starts
// from the previous p's solution (warm start) and gets its own Lagrangian bound.
//
// Usage:
//   PMedianCurveOptions options;
//   options.pMin = 10; options.pMax = 40; options.coverageRadius = 1000.0;
//   Result<std::vector<PMedianCurvePoint>> curve = solvePMedianCurve( problem, options, progress );
//   for ( const PMedianCurvePoint &point : *curve ) ... point.p, point.objective, point.gap ...
#include "engine/common/progress_sink.h"
#include "engine/common/status.h"
#include "engine/solvers/location_problem.h"

#include <cstdint>
#include <vector>

namespace gf {

struct PMedianCurveOptions
{
  std::uint32_t pMin = 1;
  std::uint32_t pMax = 1;
  double coverageRadius = -1.0;           //!< cost within which a client counts as covered; < 0 = not reported
  std::uint64_t seed = 1;
  double timeLimitS = 60.0;               //!< for the whole curve, shared evenly by the values of p
  unsigned threads = 1;
};

struct PMedianCurvePoint
{
  std::uint32_t p = 0;
  std::vector<std::uint32_t> open;        //!< ascending
  double objective = 0.0;                 //!< weighted cost, as solvePMedian
  double lowerBound = 0.0;
  double gap = 0.0;                       //!< (objective - lowerBound) / objective
  bool provenOptimal = false;
  double coveredWeightShare = 0.0;        //!< weight within coverageRadius of its site / total weight (0 if not reported)
};

//! One point per p in [pMin, pMax], ascending p. Errors as solvePMedian for pMax (and
//! InvalidArgument when pMin is 0 or above pMax); Canceled when canceled before the first
//! point, otherwise the points solved so far (the last one possibly canceled early).
Result<std::vector<PMedianCurvePoint>> solvePMedianCurve( const LocationProblem &problem, const PMedianCurveOptions &options,
                                                          ProgressSink &progress );

} // namespace gf
