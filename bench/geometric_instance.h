#pragma once
// Random geometric location instances for the scale benchmark: clients and candidates
// uniform in a square, integer-rounded Euclidean costs, and the k nearest candidates per client
// found through a uniform grid, so the dense matrix is never built at scale.
#include "engine/solvers/location_problem.h"
#include "engine/solvers/sparse_location_problem.h"

#include <cstdint>
#include <vector>

struct GeometricPoint
{
  double xM = 0.0;
  double yM = 0.0;
};

struct GeometricInstance
{
  std::vector<GeometricPoint> clients;
  std::vector<GeometricPoint> candidates;
  std::vector<double> clientWeight;          //!< whole numbers 1..9
  double sideM = 0.0;

  //! \a clientCount clients and \a candidateCount candidates in a square of \a sideM, seeded.
  static GeometricInstance random( std::uint32_t clientCount, std::uint32_t candidateCount, double sideM, std::uint64_t seed );

  //! Rounded Euclidean distance in metres.
  static double costOf( const GeometricPoint &a, const GeometricPoint &b );

  //! Weighted cost of every client to its nearest candidate in \a open: the exact objective of
  //! the full problem, whatever was stored.
  double objectiveOf( const std::vector<std::uint32_t> &open ) const;

  //! The full client × candidate matrix (only where it fits: the peer runs).
  gf::LocationProblem dense() const;

  //! Per client its \a k nearest candidates (rounded cost, then index), and beyondCost = the
  //! (k+1)-th cost: every unstored pair costs at least that (BEAMR); infinite when all are stored. Grid search: rings of
  //! cells around the client until the (k+1)-th nearest found is inside the searched disc.
  gf::SparseLocationProblem kNearest( std::uint32_t k ) const;

  //! The same with rowLength[client] nearest per client (the k-nearest driver's rows).
  gf::SparseLocationProblem kNearest( const std::vector<std::uint32_t> &rowLength ) const;
};
