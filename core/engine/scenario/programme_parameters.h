#pragma once
// Every number of the programme plan beyond the station count: vehicles, costs, energy and
// emission factors, charging, loading bays, the status-quo baseline and the programme
// targets. The structs carry no defaults of their own: defaultProgrammeParameters() fills them
// from the registry (programme_parameter_registry.cpp), where every default stands next to its
// unit and source, so a value and its citation cannot drift apart.
#include "engine/graph/road_graph.h"

#include <cstdint>
#include <string>

namespace gf {

struct VehicleSpec
{
  bool electric = false;
  double payloadTonnes = 0.0;
  double payloadParcels = 0.0;
  double operatingSpeedKmh = 0.0;   //!< average urban speed including stops
  double costCnyPerKm = 0.0;        //!< variable besides energy: maintenance, tyres, wear
  double costCnyPerHour = 0.0;      //!< driver
  double fuelLitresPerKm = 0.0;     //!< diesel vehicles
  double energyKwhPerKm = 0.0;      //!< electric vehicles, at the wheel
  double batteryKwh = 0.0;
  double rangeKm = 0.0;
};

struct FleetParameters
{
  VehicleSpec heavyTruck;           //!< hub → centre trunk haul (diesel)
  VehicleSpec nevVan;               //!< centre → station and centre → large customer
  VehicleSpec eTricycle;            //!< station → customer, last mile
  VehicleSpec dieselVan;            //!< status quo carriers' delivery vans
  double parcelMassKg = 0.0;        //!< goods per parcel where the survey gives no tonnes
  double serviceMinutesPerStop = 0.0;
  double handlingMinutesPerParcel = 0.0;  //!< hand-over at the stop, on top of the stop time
  double workingHoursPerShift = 0.0;
  std::uint32_t shiftsPerDay = 1;
  double planLoadFactor = 0.0;      //!< joint distribution fills vehicles to this share
  double tourConstant = 0.0;        //!< k of the tour length approximation k·sqrt(n·A)
  double defaultCircuity = 0.0;     //!< network / straight distance when flows cannot tell
};

struct EnergyParameters
{
  double dieselKwhPerLitre = 0.0;       //!< to compare energy per tonne-km across fuels
  double dieselKgCo2PerLitre = 0.0;
  double gridKgCo2PerKwh = 0.0;
  double chargingEfficiency = 0.0;      //!< share of grid energy stored in the battery
  double dieselCnyPerLitre = 0.0;
  double electricityCnyPerKwh = 0.0;
};

struct ChargingParameters
{
  double windowHours = 0.0;             //!< time per day the base piles are available
  double targetMeanWaitMinutes = 0.0;   //!< Erlang C mean waiting time target
  double acPileKw = 7.0;
  double dcPileKw = 60.0;
  double dcFastPileKw = 120.0;
  double maxVehiclesPerPile = 3.0;      //!< NEV vehicles : available piles must stay below this
  double centreUndergroundShare = 0.0;  //!< share of a centre's piles reserved underground
  double dcTopUpShare = 0.0;            //!< share of an AC base's piles built as DC for top-ups
  std::uint32_t maxPilesPerCentre = 0;  //!< beyond this, demand goes to public charging sites
  std::uint32_t maxPilesPerStation = 0;
  bool tricyclesUsePiles = false;       //!< e-tricycles charge at piles (else sockets / swaps)
};

struct CentreParameters
{
  std::uint32_t minCount = 1;
  std::uint32_t maxCount = 4;
  double fixedCostCnyPerDay = 0.0;       //!< land rent, building, staff, annualised per day
  double capacityTonnesPerM2PerDay = 0.0;
  double maxCapacityTonnesPerDay = 0.0;
  double minParcelAreaM2 = 0.0;
  double maxRoadAccessM = 0.0;           //!< parcel representative point → suitable road
};

enum class StationObjective : std::uint8_t
{
  PMedian,    //!< minimise parcel-weighted distance
  Coverage,   //!< maximise parcels within the service radius (MCLP)
};

struct StationParameters
{
  StationObjective objective = StationObjective::PMedian;
  std::uint32_t curveMin = 0;            //!< curve over N when curveMax > curveMin
  std::uint32_t curveMax = 0;
  double defaultCapacityParcelsPerDay = 0.0;  //!< parcel candidates and outlets without one
  double minParcelAreaM2 = 0.0;
  double maxRoadAccessM = 0.0;
  double outletPreference = 0.0;         //!< co-use bonus: outlet costs scaled by (1 - this)
};

struct LoadingBayParameters
{
  std::uint32_t targetCount = 0;
  double walkingDistanceM = 0.0;         //!< a delivery is served by a bay within this distance
  double bayLengthM = 0.0;
  double minSpacingM = 0.0;              //!< straight line between bay centres
  TimeWindow window;                     //!< when the bay is a loading bay (empty = all day)
  double positionStepM = 20.0;           //!< candidate positions every this many metres along a road
  double commercialDistanceM = 30.0;     //!< a position serves a commercial area within this of a commercial parcel
  bool allowCollector = false;           //!< bays on collectors (次干路) too; the plans name arterial and branch roads
};

struct BaselineParameters
{
  std::uint32_t carriers = 0;            //!< carriers each delivering every customer today
  double nevShare = 0.0;                 //!< today's share of NEV vans
  double loadFactor = 0.0;               //!< today's average load factor
  double largeCustomerJointShare = 0.0;  //!< only when the survey does not say
};

//! A value of 0 (false) means the district plan sets no such target: its compliance row is
//! reported as not applicable.
struct ProgrammeTargets
{
  double transportCostReduction = 0.0;   //!< 0.10 = −10 % against the baseline
  double energyIntensityReduction = 0.0; //!< of kWh per tonne-km against the baseline
  double utilisationIncrease = 0.0;      //!< relative increase of the load factor
  double maxVehiclesPerPile = 0.0;       //!< NEV vehicles : piles must stay below this
  std::uint32_t stationCount = 0;        //!< at least this many stations
  std::uint32_t loadingBays = 0;         //!< at least this many loading bays
  double jointDistributionShareLarge = 0.0;  //!< of large supermarkets and chain stores
  bool undergroundPilesAtCentres = false; //!< every centre reserves piles underground
};

struct ProgrammeParameters
{
  FleetParameters fleet;
  EnergyParameters energy;
  ChargingParameters charging;
  CentreParameters centres;
  StationParameters stations;
  LoadingBayParameters loadingBays;
  BaselineParameters baseline;
  ProgrammeTargets targets;
};

//! Every field at its documented default (see programme_parameter_registry.h).
ProgrammeParameters defaultProgrammeParameters();

} // namespace gf
