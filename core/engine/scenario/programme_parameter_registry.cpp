#include "engine/scenario/programme_parameter_registry.h"

#include <cmath>
#include <limits>
#include <locale>
#include <optional>
#include <sstream>
#include <type_traits>

namespace gf {

namespace {

//! One row of the tables below: the key, its unit, default, accepted range and source.
struct ParameterDef
{
  const char *key;
  const char *unit;
  double defaultValue;
  double minValue;
  double maxValue;
  const char *source;
};

constexpr double kMaxExactInteger = 9007199254740992.0;  // 2^53: doubles hold integers exactly
constexpr const char *kToolSetting = "Tool setting (computation, not a planning assumption).";
constexpr const char *kWorkPlans = "Zibo 2023 district work plans (张店区, 临淄区) for urban "
                                   "green freight distribution, see DESIGN.md; the preset sets "
                                   "the district's value.";

// The plan's own settings, defaults as in PlanParameters (a test keeps the two in step).
template<typename Visit>
void visitPlanFields( PlanParameters &p, Visit &&visit )
{
  visit( ParameterDef{ "plan.station_count", "", 40, 1, 10000, kWorkPlans }, p.stationCount );
  visit( ParameterDef{ "plan.service_radius_m", "m", 1000, 1, 100000,
                       "15-minute community life circle, about 1 km on foot: MNR TD/T 1062-2021 "
                       "社区生活圈规划技术指南." }, p.serviceRadiusM );
  visit( ParameterDef{ "plan.snap_max_distance_m", "m", 500, 0, 100000, kToolSetting }, p.snapMaxDistanceM );
  visit( ParameterDef{ "plan.network_snap_tolerance_m", "m", 0.5, 0, 100, kToolSetting }, p.networkSnapToleranceM );
  visit( ParameterDef{ "plan.node_at_crossings", "", 0, 0, 1,
                       "Tool setting: 1 joins roads where they cross at grade (bridges and tunnels stay "
                       "unconnected); 0 joins them only at shared vertices, as survey road layers are drawn." },
         p.nodeAtCrossings );
  visit( ParameterDef{ "plan.seed", "", 1, 0, kMaxExactInteger, kToolSetting }, p.seed );
  visit( ParameterDef{ "plan.time_limit_s", "s", 30, 0.1, 86400, kToolSetting }, p.timeLimitS );
  visit( ParameterDef{ "plan.exact_time_limit_s", "s", 0, 0, 86400,
                       "Tool setting: exact mode. After the heuristic, each tier's model goes to the MILP "
                       "solver (CBC) for at most this long, to improve or prove the solution; 0 = off." },
         p.exactTimeLimitS );
  // threads is not listed: it describes the machine, not the plan, and is not saved with it.
}

template<typename Visit>
void visitProgrammeFields( ProgrammeParameters &p, Visit &&visit )
{
  // Vehicles. costCnyPerKm excludes energy, which is priced from the energy group.
  VehicleSpec &truck = p.fleet.heavyTruck;
  visit( ParameterDef{ "fleet.heavy_truck.payload_t", "t", 10, 0.1, 60,
                       "Assumption: 9.6 m box truck of 18 t GVW used for hub → centre trunk "
                       "haul; rated payload about 10 t." }, truck.payloadTonnes );
  visit( ParameterDef{ "fleet.heavy_truck.payload_parcels", "parcels", 8000, 1, 100000,
                       "Assumption: about 50 m³ of cargo space at 0.006 m³ per average parcel." },
         truck.payloadParcels );
  visit( ParameterDef{ "fleet.heavy_truck.speed_kmh", "km/h", 35, 1, 120,
                       "Assumption: suburban arterials between logistics parks and centres." },
         truck.operatingSpeedKmh );
  visit( ParameterDef{ "fleet.heavy_truck.cost_cny_per_km", "CNY/km", 0.9, 0, 100,
                       "Assumption: maintenance, tyres and wear of an 18 t truck, energy excluded." },
         truck.costCnyPerKm );
  visit( ParameterDef{ "fleet.heavy_truck.cost_cny_per_hour", "CNY/h", 50, 0, 10000,
                       "Assumption: about 8,800 CNY/month with social insurance over 176 h; NBS "
                       "2022 average wage of urban non-private units 114,029 CNY/year." },
         truck.costCnyPerHour );
  visit( ParameterDef{ "fleet.heavy_truck.fuel_l_per_km", "L/km", 0.25, 0, 2,
                       "Assumption: 25 L/100 km in mixed urban/suburban driving, above the "
                       "type-approval limits of GB 30510-2018 for this class." },
         truck.fuelLitresPerKm );

  VehicleSpec &van = p.fleet.nevVan;
  visit( ParameterDef{ "fleet.nev_van.payload_t", "t", 1.5, 0.05, 20,
                       "Assumption: N1/N2 electric light van or 4.2 m light truck (4.5 t GVW), "
                       "payload 1.2–1.8 t in the MIIT recommended NEV catalogue." }, van.payloadTonnes );
  visit( ParameterDef{ "fleet.nev_van.payload_parcels", "parcels", 1500, 1, 100000,
                       "Assumption: about 9 m³ of cargo space at 0.006 m³ per average parcel." },
         van.payloadParcels );
  visit( ParameterDef{ "fleet.nev_van.speed_kmh", "km/h", 25, 1, 120,
                       "Assumption: urban delivery speed in a city of Zibo's size, traffic "
                       "stops included, service time at customers excluded." }, van.operatingSpeedKmh );
  visit( ParameterDef{ "fleet.nev_van.cost_cny_per_km", "CNY/km", 0.25, 0, 100,
                       "Assumption: maintenance and tyres; lower than a diesel van (no engine oil, "
                       "regenerative braking), energy excluded." }, van.costCnyPerKm );
  visit( ParameterDef{ "fleet.nev_van.cost_cny_per_hour", "CNY/h", 45, 0, 10000,
                       "Assumption: about 7,900 CNY/month with social insurance over 176 h for a "
                       "delivery driver (NBS 2022 urban private units average 65,237 CNY/year "
                       "before social insurance)." }, van.costCnyPerHour );
  visit( ParameterDef{ "fleet.nev_van.energy_kwh_per_km", "kWh/km", 0.22, 0.01, 5,
                       "20–25 kWh/100 km for electric light vans in the MIIT recommended NEV "
                       "catalogue (推荐车型目录); 22 kWh/100 km taken." }, van.energyKwhPerKm );
  visit( ParameterDef{ "fleet.nev_van.battery_kwh", "kWh", 50, 1, 1000,
                       "Assumption: typical 40–60 kWh LFP pack of electric light vans." }, van.batteryKwh );
  visit( ParameterDef{ "fleet.nev_van.range_km", "km", 200, 1, 2000,
                       "Battery / consumption with 10 % reserve: 50 / 0.22 × 0.9 ≈ 200 km." }, van.rangeKm );

  VehicleSpec &tricycle = p.fleet.eTricycle;
  visit( ParameterDef{ "fleet.e_tricycle.payload_t", "t", 0.3, 0.01, 5,
                       "Express e-tricycle of the postal industry standard YZ/T 0136-2014 "
                       "(快递专用电动三轮车技术要求); assumption: 0.3 t rated load." },
         tricycle.payloadTonnes );
  visit( ParameterDef{ "fleet.e_tricycle.payload_parcels", "parcels", 250, 1, 10000,
                       "Assumption: about 1.5 m³ box, 150–300 parcels per round in practice." },
         tricycle.payloadParcels );
  visit( ParameterDef{ "fleet.e_tricycle.speed_kmh", "km/h", 15, 1, 60,
                       "Assumption: residential streets and non-motorised lanes, traffic stops included." },
         tricycle.operatingSpeedKmh );
  visit( ParameterDef{ "fleet.e_tricycle.cost_cny_per_km", "CNY/km", 0.05, 0, 100,
                       "Assumption: tyres, brakes and battery wear, energy excluded." },
         tricycle.costCnyPerKm );
  visit( ParameterDef{ "fleet.e_tricycle.cost_cny_per_hour", "CNY/h", 35, 0, 10000,
                       "Assumption: about 6,200 CNY/month for a courier over 176 h; NBS 2022 urban "
                       "private units average 65,237 CNY/year." }, tricycle.costCnyPerHour );
  visit( ParameterDef{ "fleet.e_tricycle.energy_kwh_per_km", "kWh/km", 0.04, 0.001, 1,
                       "Assumption: 3–5 kWh/100 km of loaded express e-tricycles (72 V motor)." },
         tricycle.energyKwhPerKm );
  visit( ParameterDef{ "fleet.e_tricycle.battery_kwh", "kWh", 4.3, 0.1, 100,
                       "Assumption: 72 V × 60 Ah lead-acid or lithium pack." }, tricycle.batteryKwh );
  visit( ParameterDef{ "fleet.e_tricycle.range_km", "km", 100, 1, 1000,
                       "Battery / consumption: 4.3 / 0.04 ≈ 107 km, rounded down." }, tricycle.rangeKm );

  VehicleSpec &dieselVan = p.fleet.dieselVan;
  visit( ParameterDef{ "fleet.diesel_van.payload_t", "t", 1.5, 0.05, 20,
                       "Assumption: the carriers' 4.2 m diesel light trucks and vans, same class "
                       "as fleet.nev_van." }, dieselVan.payloadTonnes );
  visit( ParameterDef{ "fleet.diesel_van.payload_parcels", "parcels", 1500, 1, 100000,
                       "Assumption: as fleet.nev_van.payload_parcels." }, dieselVan.payloadParcels );
  visit( ParameterDef{ "fleet.diesel_van.speed_kmh", "km/h", 25, 1, 120,
                       "Assumption: as fleet.nev_van.speed_kmh." }, dieselVan.operatingSpeedKmh );
  visit( ParameterDef{ "fleet.diesel_van.cost_cny_per_km", "CNY/km", 0.35, 0, 100,
                       "Assumption: maintenance, oil and tyres, energy excluded." }, dieselVan.costCnyPerKm );
  visit( ParameterDef{ "fleet.diesel_van.cost_cny_per_hour", "CNY/h", 45, 0, 10000,
                       "Assumption: as fleet.nev_van.cost_cny_per_hour." }, dieselVan.costCnyPerHour );
  visit( ParameterDef{ "fleet.diesel_van.fuel_l_per_km", "L/km", 0.11, 0, 1,
                       "Assumption: 11 L/100 km in urban stop-and-go delivery, above the "
                       "type-approval limits of GB 20997-2015 for N1 diesel vehicles." },
         dieselVan.fuelLitresPerKm );

  FleetParameters &fleet = p.fleet;
  visit( ParameterDef{ "fleet.parcel_mass_kg", "kg", 1.5, 0.01, 1000,
                       "Assumption: a typical express parcel weighs 1–2 kg; used only for customers "
                       "whose survey gives parcels but no tonnes." }, fleet.parcelMassKg );
  visit( ParameterDef{ "fleet.service_minutes_per_stop", "min", 5, 0, 240,
                       "Assumption: park, open, unload cages or hand over, sign; 3–8 min observed "
                       "in urban delivery studies." }, fleet.serviceMinutesPerStop );
  visit( ParameterDef{ "fleet.handling_minutes_per_parcel", "min", 0.2, 0, 60,
                       "Assumption: 12 s to scan and shelve or hand over a parcel." },
         fleet.handlingMinutesPerParcel );
  visit( ParameterDef{ "fleet.working_hours_per_shift", "h", 8, 0.5, 24,
                       "Labour Law of the PRC, art. 36: 8-hour working day." }, fleet.workingHoursPerShift );
  visit( ParameterDef{ "fleet.shifts_per_day", "", 1, 1, 3,
                       "Assumption: one delivery shift a day; vehicles charge outside it." },
         fleet.shiftsPerDay );
  visit( ParameterDef{ "fleet.plan_load_factor", "", 0.75, 0.05, 1,
                       "Assumption: consolidated joint distribution fills vehicles to 75 %, against "
                       "baseline.load_factor today." }, fleet.planLoadFactor );
  visit( ParameterDef{ "fleet.tour_constant", "", 0.57, 0.1, 2,
                       "Daganzo (1984), The distance traveled to visit N points with a maximum of "
                       "C stops per vehicle, Transportation Science 18(4): local tour length "
                       "≈ 0.57·sqrt(n·A)." }, fleet.tourConstant );
  visit( ParameterDef{ "fleet.default_circuity", "", 1.3, 1, 3,
                       "Network / straight-line distance when the flows cannot measure it; "
                       "1.2–1.4 in urban road networks (Ballou et al. 2002, Boscoe et al. 2012)." },
         fleet.defaultCircuity );

  EnergyParameters &energy = p.energy;
  visit( ParameterDef{ "energy.diesel_kwh_per_l", "kWh/L", 9.95, 1, 20,
                       "Diesel net calorific value 42,652 kJ/kg (GB/T 2589-2020, appendix) at "
                       "0.84 kg/L = 35.8 MJ/L = 9.95 kWh/L; electricity at its calorific value "
                       "3.6 MJ/kWh, so energy per tonne-km adds up across fuels." },
         energy.dieselKwhPerLitre );
  visit( ParameterDef{ "energy.diesel_kg_co2_per_l", "kg/L", 2.65, 0, 10,
                       "IPCC 2006 Guidelines vol. 2 table 3.2.1 road diesel 74,100 kg CO2/TJ "
                       "× 35.8 MJ/L = 2.65 kg/L (Chinese inventories quote 2.60–2.73)." },
         energy.dieselKgCo2PerLitre );
  visit( ParameterDef{ "energy.grid_kg_co2_per_kwh", "kg/kWh", 0.5703, 0, 2,
                       "National grid average emission factor for 2022, 0.5703 tCO2/MWh: MEE "
                       "notice 2023 on power-sector GHG reporting 2023–2025 (环办气候函〔2023〕43号)." },
         energy.gridKgCo2PerKwh );
  visit( ParameterDef{ "energy.charging_efficiency", "", 0.9, 0.3, 1,
                       "Assumption: 8–12 % charger and battery losses (GB/T 18487.1-2015 conductive "
                       "charging system)." }, energy.chargingEfficiency );
  visit( ParameterDef{ "energy.diesel_cny_per_l", "CNY/L", 7.6, 0, 100,
                       "Shandong retail price of 0# diesel in 2023 after NDRC adjustments, about "
                       "7.4–8.1 CNY/L; assumption: 7.6." }, energy.dieselCnyPerLitre );
  visit( ParameterDef{ "energy.electricity_cny_per_kwh", "CNY/kWh", 0.8, 0, 100,
                       "Assumption: Shandong general industrial and commercial time-of-use tariff "
                       "charged mostly off-peak at own piles, service fee included." },
         energy.electricityCnyPerKwh );

  ChargingParameters &charging = p.charging;
  visit( ParameterDef{ "charging.window_h", "h", 10, 0.5, 24,
                       "Assumption: vehicles return by 20:00 and leave at 06:00; the night "
                       "off-peak tariff period." }, charging.windowHours );
  visit( ParameterDef{ "charging.target_mean_wait_min", "min", 10, 0.1, 600,
                       "Assumption: mean Erlang C wait for a free pile a driver accepts." },
         charging.targetMeanWaitMinutes );
  visit( ParameterDef{ "charging.ac_pile_kw", "kW", 7, 1, 50,
                       "GB/T 20234.2-2015 AC connector, 220 V 32 A single phase: 7 kW." },
         charging.acPileKw );
  visit( ParameterDef{ "charging.dc_pile_kw", "kW", 60, 10, 500,
                       "GB/T 20234.3-2015 DC connector; 60 kW is the common depot DC pile." },
         charging.dcPileKw );
  visit( ParameterDef{ "charging.dc_fast_pile_kw", "kW", 120, 10, 1000,
                       "GB/T 20234.3-2015 DC connector; 120 kW public fast pile." },
         charging.dcFastPileKw );
  visit( ParameterDef{ "charging.max_vehicles_per_pile", "", 3, 0.1, 100, kWorkPlans },
         charging.maxVehiclesPerPile );
  visit( ParameterDef{ "charging.centre_underground_share", "", 0, 0, 1,
                       "0 = none required; the Linzi preset reserves half (assumption: the "
                       "underground car park takes the vans, the yard the trucks)." },
         charging.centreUndergroundShare );
  visit( ParameterDef{ "charging.dc_top_up_share", "", 0.2, 0, 1,
                       "Assumption: one pile in five at an AC base is DC for daytime top-ups." },
         charging.dcTopUpShare );
  visit( ParameterDef{ "charging.max_piles_per_centre", "", 60, 1, 10000,
                       "Assumption: 60 AC piles (420 kW) fit a 630 kVA transformer with the "
                       "centre's other loads." }, charging.maxPilesPerCentre );
  visit( ParameterDef{ "charging.max_piles_per_station", "", 6, 0, 10000,
                       "Assumption: a co-used outlet has room and supply for a few piles." },
         charging.maxPilesPerStation );
  visit( ParameterDef{ "charging.tricycles_use_piles", "", 0, 0, 1,
                       "Assumption: express e-tricycles charge from sockets or battery-swap "
                       "cabinets and are not the NEV delivery vehicles of the pile ratio." },
         charging.tricyclesUsePiles );

  CentreParameters &centres = p.centres;
  visit( ParameterDef{ "centres.min_count", "", 1, 0, 1000, "Assumption: at least one public centre." },
         centres.minCount );
  visit( ParameterDef{ "centres.max_count", "", 4, 1, 1000,
                       "Assumption: a district of Zibo's size needs a handful of centres." }, centres.maxCount );
  visit( ParameterDef{ "centres.fixed_cost_cny_per_day", "CNY/day", 10000, 0, 1e9,
                       "Assumption: 10,000 m² warehouse at about 15 CNY/m²/month plus staff, "
                       "annualised per day." }, centres.fixedCostCnyPerDay );
  visit( ParameterDef{ "centres.capacity_t_per_m2_per_day", "t/(m²·day)", 0.02, 0.0001, 10,
                       "Assumption: floor-area ratio about 0.5 and 0.04 t per m² of cross-dock "
                       "floor per day." }, centres.capacityTonnesPerM2PerDay );
  visit( ParameterDef{ "centres.max_capacity_t_per_day", "t/day", 500, 1, 1e6,
                       "Assumption: the largest centre one site should carry." }, centres.maxCapacityTonnesPerDay );
  visit( ParameterDef{ "centres.min_parcel_area_m2", "m²", 10000, 0, 1e8,
                       "Assumption: 1 ha for a warehouse, yard and parking." }, centres.minParcelAreaM2 );
  visit( ParameterDef{ "centres.max_road_access_m", "m", 200, 0, 10000,
                       "Assumption: a short access road to the network." }, centres.maxRoadAccessM );

  StationParameters &stations = p.stations;
  visit( ParameterDef{ "stations.objective", "", 0, 0, 1,
                       "p-median: parcel-weighted distance, as the work plans ask for stations "
                       "close to communities; coverage is the alternative." }, stations.objective );
  visit( ParameterDef{ "stations.curve_min", "", 0, 0, 10000,
                       "0 = no curve over N; the work plans span N = 10 (Linzi) to 40 (Zhangdian)." },
         stations.curveMin );
  visit( ParameterDef{ "stations.curve_max", "", 0, 0, 10000, "0 = no curve over N." }, stations.curveMax );
  visit( ParameterDef{ "stations.default_capacity_parcels_per_day", "parcels/day", 1500, 1, 1e7,
                       "Assumption: a community express station (驿站) handles 500–2,000 parcels a day." },
         stations.defaultCapacityParcelsPerDay );
  visit( ParameterDef{ "stations.min_parcel_area_m2", "m²", 100, 0, 1e7,
                       "Assumption: 50–200 m² for a station's sorting room and shelves." },
         stations.minParcelAreaM2 );
  visit( ParameterDef{ "stations.max_road_access_m", "m", 100, 0, 10000,
                       "Assumption: vans unload at the door or a short walk away." }, stations.maxRoadAccessM );
  visit( ParameterDef{ "stations.outlet_preference", "", 0, 0, 1,
                       "0 = outlets compete on distance alone. The district presets set 0.2 "
                       "(assumption): the work plans prefer co-use (共建共用) of existing outlets, "
                       "whose distances then count 20 % less in the solver." }, stations.outletPreference );

  LoadingBayParameters &bays = p.loadingBays;
  visit( ParameterDef{ "loading_bays.target_count", "", 0, 0, 100000,
                       "0 = no count set (Zhangdian: per city target); Linzi preset 30." },
         bays.targetCount );
  visit( ParameterDef{ "loading_bays.walking_distance_m", "m", 150, 1, 5000,
                       "Assumption: a courier carries or trolleys parcels about 150 m." },
         bays.walkingDistanceM );
  visit( ParameterDef{ "loading_bays.bay_length_m", "m", 12, 1, 100,
                       "Assumption: a 4.2 m light truck with room to pull in and out, about two "
                       "parallel parking spaces." }, bays.bayLengthM );
  visit( ParameterDef{ "loading_bays.min_spacing_m", "m", 200, 0, 10000,
                       "Assumption: bays spread along a street rather than bunched." }, bays.minSpacingM );
  visit( ParameterDef{ "loading_bays.position_step_m", "m", 20, 1, 1000,
                       "Tool setting: candidate bay positions every 20 m along eligible streets." }, bays.positionStepM );
  visit( ParameterDef{ "loading_bays.commercial_distance_m", "m", 30, 0, 1000,
                       "Assumption: a bay serves a commercial frontage within about 30 m of the kerb." },
         bays.commercialDistanceM );
  visit( ParameterDef{ "loading_bays.allow_collector", "", 0, 0, 1,
                       "The work plans name arterial and branch roads (主干路、支路); collectors only "
                       "when the district allows." }, bays.allowCollector );
  visit( ParameterDef{ "loading_bays.window_start_min", "min", 540, 0, 1440,
                       "Assumption: 09:00, after the morning peak." }, bays.window.startMin );
  visit( ParameterDef{ "loading_bays.window_end_min", "min", 960, 0, 1440,
                       "Assumption: 16:00, before the evening peak." }, bays.window.endMin );

  BaselineParameters &baseline = p.baseline;
  visit( ParameterDef{ "baseline.carriers", "", 8, 1, 100,
                       "The eight largest express brands carry about 85 % of parcels (State Post "
                       "Bureau CR8 2023); assumption: each delivers on its own today." },
         baseline.carriers );
  visit( ParameterDef{ "baseline.nev_share", "", 0.15, 0, 1,
                       "Assumption: NEV share of urban delivery vans in Shandong cities in 2023, "
                       "before the programme." }, baseline.nevShare );
  visit( ParameterDef{ "baseline.load_factor", "", 0.55, 0.01, 1,
                       "Assumption: vans of single carriers leave half to two-thirds full; the "
                       "programme's +20 % utilisation target starts from there." }, baseline.loadFactor );
  visit( ParameterDef{ "baseline.large_customer_joint_share", "", 0.2, 0, 1,
                       "Assumption, used only when the demand survey does not flag joint "
                       "distribution." }, baseline.largeCustomerJointShare );

  ProgrammeTargets &targets = p.targets;
  visit( ParameterDef{ "targets.transport_cost_reduction", "", 0.10, 0, 1, kWorkPlans },
         targets.transportCostReduction );
  visit( ParameterDef{ "targets.energy_intensity_reduction", "", 0.03, 0, 1, kWorkPlans },
         targets.energyIntensityReduction );
  visit( ParameterDef{ "targets.utilisation_increase", "", 0.20, 0, 10, kWorkPlans },
         targets.utilisationIncrease );
  visit( ParameterDef{ "targets.max_vehicles_per_pile", "", 3, 0, 100, kWorkPlans },
         targets.maxVehiclesPerPile );
  visit( ParameterDef{ "targets.station_count", "", 40, 0, 10000, kWorkPlans }, targets.stationCount );
  visit( ParameterDef{ "targets.loading_bays", "", 0, 0, 100000, kWorkPlans }, targets.loadingBays );
  visit( ParameterDef{ "targets.joint_distribution_share_large", "", 0.5, 0, 1, kWorkPlans },
         targets.jointDistributionShareLarge );
  visit( ParameterDef{ "targets.underground_piles_at_centres", "", 0, 0, 1, kWorkPlans },
         targets.undergroundPilesAtCentres );
}

template<typename Visit>
void visitAllFields( PlanParameters &p, Visit &&visit )
{
  visitPlanFields( p, visit );
  visitProgrammeFields( p.programme, visit );
}

template<typename T>
ParameterKind kindOf()
{
  if constexpr ( std::is_same_v<T, bool> )
    return ParameterKind::Boolean;
  else if constexpr ( std::is_enum_v<T> )
    return ParameterKind::Choice;
  else if constexpr ( std::is_integral_v<T> )
    return ParameterKind::Integer;
  else
    return ParameterKind::Real;
}

std::vector<std::string> choicesOf( const StationObjective & )
{
  return { "p_median", "coverage" };
}

template<typename T>
std::vector<std::string> choicesOf( const T & )
{
  return {};
}

template<typename T>
double readField( const T &field )
{
  if constexpr ( std::is_enum_v<T> )
    return static_cast<double>( static_cast<std::underlying_type_t<T>>( field ) );
  else
    return static_cast<double>( field );
}

template<typename T>
void writeField( T &field, double value )
{
  if constexpr ( std::is_same_v<T, bool> )
    field = value != 0.0;
  else if constexpr ( std::is_enum_v<T> )
    field = static_cast<T>( static_cast<std::underlying_type_t<T>>( value ) );
  else
    field = static_cast<T>( value );
}

bool isAcceptable( const ParameterEntry &entry, double value )
{
  if ( !std::isfinite( value ) || value < entry.minValue || value > entry.maxValue )
    return false;
  return entry.kind == ParameterKind::Real || std::floor( value ) == value;
}

template<typename T>
ParameterEntry makeEntry( const ParameterDef &def, const T &field )
{
  ParameterEntry entry;
  entry.key = def.key;
  entry.group = entry.key.substr( 0, entry.key.find( '.' ) );
  entry.unit = def.unit;
  entry.kind = kindOf<T>();
  entry.defaultValue = def.defaultValue;
  entry.minValue = def.minValue;
  entry.maxValue = def.maxValue;
  entry.choices = choicesOf( field );
  entry.source = def.source;
  return entry;
}

//! A whole string as a number, in the C locale whatever the process locale is.
std::optional<double> parseNumber( const std::string &text )
{
  std::istringstream stream( text );
  stream.imbue( std::locale::classic() );
  double value = 0.0;
  stream >> value;
  if ( text.empty() || stream.fail() || stream.peek() != std::char_traits<char>::eof() )
    return std::nullopt;
  return value;
}

} // namespace

ProgrammeParameters defaultProgrammeParameters()
{
  ProgrammeParameters parameters;
  visitProgrammeFields( parameters, []( const ParameterDef &def, auto &field ) { writeField( field, def.defaultValue ); } );
  // The vehicle roles fix the drive train; they are not parameters.
  parameters.fleet.heavyTruck.electric = false;
  parameters.fleet.nevVan.electric = true;
  parameters.fleet.eTricycle.electric = true;
  parameters.fleet.dieselVan.electric = false;
  return parameters;
}

const char *parameterKindId( ParameterKind kind )
{
  switch ( kind )
  {
    case ParameterKind::Real:
      return "real";
    case ParameterKind::Integer:
      return "integer";
    case ParameterKind::Boolean:
      return "boolean";
    case ParameterKind::Choice:
      return "choice";
  }
  return "real";
}

const std::vector<ParameterEntry> &parameterRegistry()
{
  static const std::vector<ParameterEntry> sEntries = []
  {
    std::vector<ParameterEntry> entries;
    PlanParameters scratch;
    visitAllFields( scratch, [&entries]( const ParameterDef &def, auto &field ) { entries.push_back( makeEntry( def, field ) ); } );
    return entries;
  }();
  return sEntries;
}

const ParameterEntry *findParameter( const std::string &key )
{
  for ( const ParameterEntry &entry : parameterRegistry() )
  {
    if ( entry.key == key )
      return &entry;
  }
  return nullptr;
}

Result<double> parameterValue( const PlanParameters &parameters, const std::string &key )
{
  PlanParameters copy = parameters;  // the visitor hands out mutable fields
  std::optional<double> value;
  visitAllFields( copy, [&]( const ParameterDef &def, auto &field )
  {
    if ( key == def.key )
      value = readField( field );
  } );
  if ( !value )
    return makeError( ErrorCode::InvalidArgument, key );
  return *value;
}

Error setParameterValue( PlanParameters &parameters, const std::string &key, double value )
{
  const ParameterEntry *entry = findParameter( key );
  if ( !entry || !isAcceptable( *entry, value ) )
    return makeError( ErrorCode::InvalidArgument, key );
  visitAllFields( parameters, [&]( const ParameterDef &def, auto &field )
  {
    if ( key == def.key )
      writeField( field, value );
  } );
  return Error{};
}

Result<double> parseParameterValue( const ParameterEntry &entry, const std::string &text )
{
  if ( entry.kind == ParameterKind::Boolean )
  {
    if ( text == "true" )
      return 1.0;
    if ( text == "false" )
      return 0.0;
  }
  for ( std::size_t i = 0; i < entry.choices.size(); ++i )
  {
    if ( entry.choices[i] == text )
      return static_cast<double>( i );
  }
  const std::optional<double> value = parseNumber( text );
  if ( !value )
    return makeError( ErrorCode::InvalidArgument, text );
  return *value;
}

std::string formatParameterValue( const ParameterEntry &entry, double value )
{
  if ( entry.kind == ParameterKind::Boolean )
    return value != 0.0 ? "true" : "false";
  if ( entry.kind == ParameterKind::Choice && value >= 0.0
       && value < static_cast<double>( entry.choices.size() ) )
    return entry.choices[static_cast<std::size_t>( value )];
  // The shortest text that reads back to the same double (0.1, not 0.10000000000000001).
  std::string text;
  for ( int precision = 1; precision <= std::numeric_limits<double>::max_digits10; ++precision )
  {
    std::ostringstream stream;
    stream.imbue( std::locale::classic() );
    stream.precision( precision );
    stream << value;
    text = stream.str();
    if ( parseNumber( text ) == value )
      break;
  }
  return text;
}

} // namespace gf
