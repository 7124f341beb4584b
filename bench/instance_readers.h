#pragma once
// Readers for the public facility-location benchmark formats in ../shared/benchmarks, with
// the conventions of its README section 0 (last-wins duplicate pmed edges, per-customer
// cap costs, floor or real Euclidean distances by family).
#include "engine/solvers/location_problem.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace gf {

//! One benchmark instance: the cost matrix plus whatever the family adds.
struct BenchmarkInstance
{
  LocationProblem problem;
  std::uint32_t p = 0;                //!< facilities to open (p-median families)
  std::vector<double> capacity;       //!< per candidate (capacitated families)
  std::vector<double> fixedCost;      //!< per candidate (facility location families)
  std::vector<double> demand;         //!< per client (capacitated families)
  std::vector<double> x;              //!< per node coordinates when the format has them
  std::vector<double> y;
};

//! OR-Library pmed: `n m p`, edges `i j cost` (1-based, later lines overwrite), Floyd.
std::optional<BenchmarkInstance> readOrlibPMedian( const std::string &path );

//! OR-Library cap (Beasley layout). \a capacityToken replaces the literal `capacity` (capa/b/c).
std::optional<BenchmarkInstance> readOrlibCap( const std::string &path, double capacityToken = 0.0 );

//! SSCFLP (Guastaroba / Holmberg layout): `m n`, m × `capacity fixed`, demands, m rows of n costs.
std::optional<BenchmarkInstance> readSscflp( const std::string &path );

//! Osman & Christofides pmedcap: floor Euclidean distances.
std::optional<BenchmarkInstance> readOsmanCpmp( const std::string &path );

//! Lorena SJC / p3038 CPMP: `n p`, then `x y capacity demand`, real Euclidean distances.
std::optional<BenchmarkInstance> readLorenaCpmp( const std::string &path );

//! TSPLIB NODE_COORD_SECTION with floor Euclidean distances; every node is client and candidate.
std::optional<BenchmarkInstance> readTsplibPMedian( const std::string &path, std::uint32_t p );

//! SJC MCLP: `n 9999 p S`, then `x y demand`; real Euclidean distances, weights = demand.
std::optional<BenchmarkInstance> readSjcCoverage( const std::string &path );

} // namespace gf
