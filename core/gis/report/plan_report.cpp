#include "gis/report/plan_report.h"

#include "gis/io/atomic_file.h"
#include "gis/io/layer_source.h"

#include <qgscoordinatetransform.h>
#include <qgsexpression.h>
#include <qgsfeatureiterator.h>
#include <qgsfeaturerequest.h>
#include <qgslayertree.h>
#include <qgslayoutexporter.h>
#include <qgsprintlayout.h>
#include <qgsproject.h>
#include <qgsprojectmetadata.h>
#include <qgsproviderregistry.h>
#include <qgsprovidersublayerdetails.h>
#include <qgsvectorlayer.h>

#include <QCoreApplication>
#include <QDomDocument>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <memory>
#include <mutex>

// Q_INIT_RESOURCE declares the initialiser in the enclosing namespace, so this must stay in
// the global one; the styles live in gf_gis, a static library, whose resource initialiser the
// linker would otherwise drop.
static void initReportResources()
{
  static std::once_flag sOnce;
  std::call_once( sOnce, [] { Q_INIT_RESOURCE( plan_report_styles ); } );
}

namespace gf::gis {

namespace {

struct Label
{
  const char *id;
  const char *text;  //!< English source, translated in the report language
};

// Indicator ids written by PlanWriter (kpi table) and the programme targets (compliance).
const Label kIndicatorLabels[] = {
  { "stations", QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "End joint distribution stations" ) },
  { "demand_points", QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "Demand points" ) },
  { "assigned_points", QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "Demand points assigned to a station" ) },
  { "service_radius", QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "Service radius" ) },
  { "coverage_points", QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "Demand points within the service radius" ) },
  { "coverage_parcels", QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "Parcels within the service radius" ) },
  { "mean_distance", QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "Mean delivery distance" ) },
  { "max_distance", QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "Maximum delivery distance" ) },
  { "objective", QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "Parcel-weighted delivery distance" ) },
  { "lower_bound", QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "Lower bound of the weighted distance" ) },
  { "gap", QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "Optimality gap" ) },
  { "proven_optimal", QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "Proven optimal" ) },
  { "canceled", QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "Computation canceled" ) },
  { "scenario_revision", QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "Scenario revision" ) },
  { "centres", QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "Public distribution centres" ) },
  { "charging_piles", QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "Available charging piles" ) },
  { "nev_vehicles_at_piles", QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "NEV delivery vehicles charging at piles" ) },
  { "station_customers", QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "Customers of the end stations" ) },
  { "large_customers", QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "Large customers delivered from centres" ) },
  { "centre_objective", QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "Cost of the centre tier" ) },
  { "centre_lower_bound", QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "Lower bound of the centre tier cost" ) },
  { "centre_gap", QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "Optimality gap of the centre tier" ) },
  { "loading_bay_deliveries_covered", QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "Deliveries served by loading bays" ) },
  { "loading_bay_deliveries_bound", QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "Upper bound of deliveries served by loading bays" ) },
  { "baseline_vehicle_km", QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "Vehicle kilometres, status quo" ) },
  { "plan_vehicle_km", QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "Vehicle kilometres, plan" ) },
  { "baseline_tonne_km", QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "Freight turnover, status quo" ) },
  { "plan_tonne_km", QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "Freight turnover, plan" ) },
  { "baseline_cost", QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "Transport cost, status quo" ) },
  { "plan_cost", QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "Transport cost, plan" ) },
  { "baseline_energy", QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "Energy use, status quo" ) },
  { "plan_energy", QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "Energy use, plan" ) },
  { "baseline_energy_per_tonne_km", QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "Energy per unit turnover, status quo" ) },
  { "plan_energy_per_tonne_km", QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "Energy per unit turnover, plan" ) },
  { "baseline_co2", QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "CO2 emissions, status quo" ) },
  { "plan_co2", QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "CO2 emissions, plan" ) },
  { "baseline_load_factor", QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "Vehicle load factor, status quo" ) },
  { "plan_load_factor", QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "Vehicle load factor, plan" ) },
  { "baseline_vehicles", QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "Delivery vehicles, status quo" ) },
  { "plan_vehicles", QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "Delivery vehicles, plan" ) },
  { "baseline_nev_vehicles", QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "NEV delivery vehicles, status quo" ) },
  { "plan_nev_vehicles", QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "NEV delivery vehicles, plan" ) },
  { "stations_over_capacity", QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "Stations loaded beyond their capacity" ) },
  { "baseline_joint_share_large", QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "Joint distribution share of large stores, status quo" ) },
  { "plan_joint_share_large", QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "Joint distribution share of large stores, plan" ) },
  { "bulk_customers_outside_programme", QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "Bulk freight customers outside the programme" ) },
  { "baseline_vehicle_km_heavy_truck", QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "Heavy truck kilometres, status quo" ) },
  { "baseline_vehicle_km_nev_van", QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "NEV van kilometres, status quo" ) },
  { "baseline_vehicle_km_e_tricycle", QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "Electric tricycle kilometres, status quo" ) },
  { "baseline_vehicle_km_diesel_van", QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "Diesel van kilometres, status quo" ) },
  { "plan_vehicle_km_heavy_truck", QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "Heavy truck kilometres, plan" ) },
  { "plan_vehicle_km_nev_van", QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "NEV van kilometres, plan" ) },
  { "plan_vehicle_km_e_tricycle", QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "Electric tricycle kilometres, plan" ) },
  { "plan_vehicle_km_diesel_van", QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "Diesel van kilometres, plan" ) },
  { "baseline_vehicles_heavy_truck", QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "Heavy trucks, status quo" ) },
  { "baseline_vehicles_nev_van", QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "NEV vans, status quo" ) },
  { "baseline_vehicles_e_tricycle", QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "Electric tricycles, status quo" ) },
  { "baseline_vehicles_diesel_van", QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "Diesel vans, status quo" ) },
  { "plan_vehicles_heavy_truck", QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "Heavy trucks, plan" ) },
  { "plan_vehicles_nev_van", QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "NEV vans, plan" ) },
  { "plan_vehicles_e_tricycle", QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "Electric tricycles, plan" ) },
  { "plan_vehicles_diesel_van", QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "Diesel vans, plan" ) },
  { "transport_cost_reduction", QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "Transport cost reduction" ) },
  { "energy_intensity_reduction", QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "Energy per unit turnover reduction" ) },
  { "utilisation_increase", QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "Vehicle utilisation increase" ) },
  { "nev_pile_ratio", QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "NEV delivery vehicles per charging pile" ) },
  { "station_count", QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "End joint distribution stations" ) },
  { "loading_bays", QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "Curbside loading bays" ) },
  { "joint_distribution_share_large", QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "Joint distribution share of large supermarkets and chain stores" ) },
  { "underground_piles_at_centres", QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "Charging piles reserved underground at centres" ) },
};

const Label kUnitLabels[] = {
  { "count", QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "count" ) },
  { "m", QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "m" ) },
  { "km", QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "km" ) },
  { "%", "%" },
  { "parcel*m/day", QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "parcel·m/day" ) },
  { "parcels/day", QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "parcels/day" ) },
  { "km/day", QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "km/day" ) },
  { "t*km/day", QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "t·km/day" ) },
  { "CNY/day", QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "CNY/day" ) },
  { "kWh/day", QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "kWh/day" ) },
  { "kWh/(t*km)", QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "kWh/(t·km)" ) },
  { "kg/day", QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "kg/day" ) },
  { "t/day", QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "t/day" ) },
  { "bool", "" },
  { "revision", "" },
};

// Values of the stations' site_kind (the outlet types of the project).
const Label kSiteKindLabels[] = {
  { "community_station", QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "Community service station" ) },
  { "convenience_store", QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "Convenience store" ) },
  { "express_point", QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "Express pick-up point" ) },
  { "post_office", QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "Post office" ) },
  { "supermarket", QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "Supermarket" ) },
  { "parcel", QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "Land parcel" ) },
};

// Column headings of the site fact sheets, by field name.
// Column headings of the site fact sheets, by field name.
const Label kFieldLabels[] = {
  { "rank", QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "No." ) },
  { "centre_id", QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "No." ) },
  { "name", QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "Name" ) },
  { "site_kind", QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "Site type" ) },
  { "land_use_code", QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "Land use code" ) },
  { "assigned_demand", QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "Demand points served" ) },
  { "served_parcels_per_day", QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "Parcels per day" ) },
  { "mean_distance_m", QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "Mean distance (m)" ) },
  { "parcel_area_m2", QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "Parcel area (m²)" ) },
  { "capacity_t_per_day", QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "Capacity (t/day)" ) },
  { "throughput_t_per_day", QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "Throughput (t/day)" ) },
  { "clients", QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "Clients" ) },
  { "hub", QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "Freight hub" ) },
};

//! The fields of each fact sheet in column order; those missing from the layer are left out.
const char *const kStationSheetFields[] = { "rank", "name", "site_kind", "land_use_code", "assigned_demand", "served_parcels_per_day", "mean_distance_m" };
const char *const kCentreSheetFields[] = { "centre_id", "name", "land_use_code", "parcel_area_m2", "capacity_t_per_day", "throughput_t_per_day", "clients", "hub" };

//! Compliance targets without a unit column: shares are shown in percent.
struct TargetDisplay
{
  const char *id;
  const char *unit;
  double scale;
};

const TargetDisplay kTargetDisplays[] = {
  { "transport_cost_reduction", "%", 100.0 },
  { "energy_intensity_reduction", "%", 100.0 },
  { "utilisation_increase", "%", 100.0 },
  { "joint_distribution_share_large", "%", 100.0 },
  { "underground_piles_at_centres", "%", 100.0 },
  { "station_count", "count", 1.0 },
  { "loading_bays", "count", 1.0 },
};

//! Plan layers drawn on the overview map, top first, with their legend names.
const Label kPlanMapLayers[] = {
  { "stations", QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "End joint distribution stations" ) },
  { "centres", QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "Public distribution centres" ) },
  { "charging_piles", QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "Charging piles" ) },
  { "loading_bays", QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "Curbside loading bays" ) },
};

const Label kProjectMapLayers[] = {
  { "roads", QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "Roads" ) },
  { "boundary", QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "District boundary" ) },
};

template<std::size_t N>
const char *lookup( const Label ( &labels )[N], const QString &id )
{
  for ( const Label &label : labels )
  {
    if ( id == QLatin1String( label.id ) )
      return label.text;
  }
  return nullptr;
}

//! The translated label of \a id, or \a id itself when it is not a known one.
template<std::size_t N>
QString labelOf( const ReportTranslator &text, const Label ( &labels )[N], const QString &id )
{
  const char *source = lookup( labels, id );
  return source ? text.translate( source ) : id;
}

QString formatNumber( double value )
{
  if ( value == static_cast<double>( static_cast<qint64>( value ) ) )
    return QString::number( static_cast<qint64>( value ) );
  const double magnitude = std::abs( value );
  return QString::number( value, 'f', magnitude >= 100.0 ? 0 : ( magnitude >= 1.0 ? 1 : 2 ) );
}

QString formatValue( const ReportTranslator &text, const QVariant &value, const QString &unit )
{
  if ( value.isNull() )
    return QStringLiteral( "—" );
  if ( unit == QLatin1String( "bool" ) )
    return value.toDouble() != 0.0 ? text.translate( QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "Yes" ) ) : text.translate( QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "No" ) );
  bool isNumber = false;
  const double number = value.toDouble( &isNumber );
  return isNumber && value.type() != QVariant::String ? formatNumber( number ) : value.toString();
}

GisError layerInvalid( const QString &path, const QString &layerName, const QString &detail )
{
  GisError error;
  error.code = GisErrorCode::LayerInvalid;
  error.file = path;
  error.layer = layerName;
  error.value = detail;
  return error;
}

//! The layers of one GeoPackage with their geometry types, read once.
class SourceFile
{
  public:
    explicit SourceFile( const QString &path ) : mPath( path )
    {
      if ( path.isEmpty() )
        return;
      for ( const QgsProviderSublayerDetails &details : QgsProviderRegistry::instance()->querySublayers( path ) )
        mTypes.insert( details.name(), QgsWkbTypes::geometryType( details.wkbType() ) );
    }

    bool has( const QString &layerName ) const { return mTypes.contains( layerName ); }

    //! Opens a layer; a missing layer is an error naming the file (check has() for optional ones).
    std::variant<std::unique_ptr<LayerSource>, GisError> open( const QString &layerName, std::optional<QgsWkbTypes::GeometryType> type = std::nullopt ) const
    {
      return LayerSource::open( mPath, layerName, type.value_or( mTypes.value( layerName, QgsWkbTypes::UnknownGeometry ) ) );
    }

    const QString &path() const { return mPath; }

  private:
    QString mPath;
    QMap<QString, QgsWkbTypes::GeometryType> mTypes;
};

GisError errorOf( const std::variant<std::unique_ptr<LayerSource>, GisError> &opened )
{
  return std::holds_alternative<GisError>( opened ) ? std::get<GisError>( opened ) : GisError{};
}

void applyBundledStyle( QgsVectorLayer &layer, const QString &styleName )
{
  QFile file( QStringLiteral( ":/greenfreight/report/styles/%1.qml" ).arg( styleName ) );
  QDomDocument document;
  if ( !file.open( QIODevice::ReadOnly ) || !document.setContent( &file ) )
    return;
  QString errorMessage;
  layer.importNamedStyle( document, errorMessage );
}

struct MapLayers
{
  QList<QgsMapLayer *> topFirst;
  QgsMapLayer *boundary = nullptr;
};

/**
 * Adds the layers of \a file named in \a layers to the project, styled and named for the
 * legend, below those already in \a mapLayers. Layers are clones: the project owns them.
 */
template<std::size_t N>
GisError addMapLayers( const SourceFile &file, const Label ( &layers )[N], const ReportTranslator &text,
                       QgsProject &project, MapLayers &mapLayers )
{
  for ( const Label &spec : layers )
  {
    const QString layerName = QString::fromLatin1( spec.id );
    if ( !file.has( layerName ) )
      continue;
    auto opened = file.open( layerName );
    if ( std::holds_alternative<GisError>( opened ) )
      return std::get<GisError>( opened );
    const QgsVectorLayer *source = std::get<std::unique_ptr<LayerSource>>( opened )->layer();
    // An empty layer would only add a legend entry for nothing on the map.
    if ( source->featureCount() == 0 )
      continue;
    QgsVectorLayer *layer = source->clone();
    if ( !layer || !layer->isValid() )
    {
      delete layer;
      return layerInvalid( file.path(), layerName, QString() );
    }
    layer->setName( text.translate( spec.text ) );
    // Every map layer has a bundled style; without one QGIS's default symbol still shows it.
    applyBundledStyle( *layer, layerName );
    // Street names would crowd a district overview; the fact sheets name the sites.
    if ( layerName == QLatin1String( "roads" ) )
      layer->setLabelsEnabled( false );
    project.addMapLayer( layer, false );
    project.layerTreeRoot()->addLayer( layer );
    mapLayers.topFirst << layer;
    if ( layerName == QLatin1String( "boundary" ) )
      mapLayers.boundary = layer;
  }
  return GisError{};
}

QgsTableCell textCell( const QString &value )
{
  return QgsTableCell( value );
}

QgsTableContents kpiRows( LayerSource &kpi, const ReportTranslator &text )
{
  QgsTableContents rows;
  QgsFeature feature;
  QgsFeatureIterator it = kpi.layer()->getFeatures();
  while ( it.nextFeature( feature ) )
  {
    const QString id = kpi.text( feature, QStringLiteral( "indicator" ) );
    const QString unit = kpi.text( feature, QStringLiteral( "unit" ) );
    rows << QgsTableRow{ textCell( labelOf( text, kIndicatorLabels, id ) ),
                         textCell( formatValue( text, feature.attribute( QStringLiteral( "value" ) ), unit ) ),
                         textCell( labelOf( text, kUnitLabels, unit ) ) };
  }
  return rows;
}

//! A compliance value in display units: percent for shares when the table carries no unit.
QString complianceValue( const ReportTranslator &text, const QVariant &value, const QString &unit, double scale )
{
  if ( value.isNull() || unit == QLatin1String( "bool" ) )
    return formatValue( text, value, unit );
  return formatNumber( value.toDouble() * scale );
}

QgsTableContents complianceRows( LayerSource &compliance, const ReportTranslator &text, const ReportLayoutBuilder &builder )
{
  QgsTableContents rows;
  QgsFeature feature;
  QgsFeatureIterator it = compliance.layer()->getFeatures();
  while ( it.nextFeature( feature ) )
  {
    const QString id = compliance.text( feature, QStringLiteral( "target_id" ) );
    QString unit = compliance.text( feature, QStringLiteral( "unit" ) );
    double scale = 1.0;
    if ( unit.isEmpty() )
    {
      for ( const TargetDisplay &display : kTargetDisplays )
      {
        if ( id == QLatin1String( display.id ) )
        {
          unit = QString::fromLatin1( display.unit );
          scale = display.scale;
        }
      }
    }
    const bool applicable = compliance.flag( feature, QStringLiteral( "applicable" ) );
    const bool pass = compliance.flag( feature, QStringLiteral( "pass" ) );
    QgsTableCell verdict( !applicable ? text.translate( QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "Not applicable" ) )
                          : pass ? text.translate( QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "Met" ) ) : text.translate( QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "Not met" ) ) );
    verdict.setTextFormat( builder.textFormat( 9.5, !applicable ? QColor( 110, 110, 110 ) : pass ? QColor( 0, 128, 0 ) : QColor( 200, 0, 0 ) ) );
    const QString notApplicable = QStringLiteral( "—" );
    rows << QgsTableRow{ textCell( labelOf( text, kIndicatorLabels, id ) ),
                         textCell( applicable ? complianceValue( text, feature.attribute( QStringLiteral( "target" ) ), unit, scale ) : notApplicable ),
                         textCell( applicable ? complianceValue( text, feature.attribute( QStringLiteral( "achieved" ) ), unit, scale ) : notApplicable ),
                         textCell( labelOf( text, kUnitLabels, unit ) ),
                         textCell( applicable ? complianceValue( text, feature.attribute( QStringLiteral( "margin" ) ), unit, scale ) : notApplicable ),
                         verdict };
  }
  return rows;
}

//! One row per site in the order of its first column (rank or id) when numeric, showing \a fields.
QgsTableContents siteRows( LayerSource &sites, const QStringList &fields, const ReportTranslator &text )
{
  QgsFeatureRequest request;
  if ( !fields.isEmpty() && lookup( kFieldLabels, fields.first() ) && fields.first() != QLatin1String( "name" ) )
    request.addOrderBy( QgsExpression::quotedColumnRef( fields.first() ) );
  QgsTableContents rows;
  QgsFeature feature;
  QgsFeatureIterator it = sites.layer()->getFeatures( request );
  while ( it.nextFeature( feature ) )
  {
    QgsTableRow row;
    for ( const QString &field : fields )
    {
      const QVariant value = feature.attribute( field );
      row << textCell( field == QLatin1String( "site_kind" ) ? labelOf( text, kSiteKindLabels, value.toString() )
                                                              : formatValue( text, value, QString() ) );
    }
    rows << row;
  }
  return rows;
}

/**
 * Fact sheet columns: the fields of \a preferred that \a sites has; when it has none of
 * them (a layer written by a newer planner), its first attribute fields.
 */
template<std::size_t N>
QStringList factSheetFields( const LayerSource &sites, const char *const ( &preferred )[N] )
{
  constexpr int kMaxColumns = 8;
  QStringList fields;
  for ( const char *name : preferred )
  {
    if ( sites.hasField( QString::fromLatin1( name ) ) )
      fields << QString::fromLatin1( name );
  }
  if ( fields.size() > 1 )
    return fields;
  fields.clear();
  for ( const QgsField &field : sites.layer()->fields() )
  {
    if ( field.name() != QLatin1String( "fid" ) && fields.size() < kMaxColumns )
      fields << field.name();
  }
  return fields;
}

QList<ReportColumn> factSheetColumns( const QStringList &fields, const ReportTranslator &text )
{
  auto weightOf = []( const QString &field ) {
    if ( field == QLatin1String( "name" ) )
      return 3.0;
    return field == QLatin1String( "rank" ) || field == QLatin1String( "centre_id" ) ? 0.6 : 1.4;
  };
  double weights = 0.0;
  for ( const QString &field : fields )
    weights += weightOf( field );
  QList<ReportColumn> columns;
  for ( const QString &field : fields )
  {
    const bool textual = field == QLatin1String( "name" ) || field == QLatin1String( "site_kind" ) || field == QLatin1String( "hub" )
                         || field == QLatin1String( "land_use_code" );
    columns << ReportColumn{ labelOf( text, kFieldLabels, field ), weightOf( field ) / weights, textual ? Qt::AlignLeft : Qt::AlignRight };
  }
  return columns;
}

QString defaultTitle( const ReportOptions &options, const ReportTranslator &text )
{
  if ( options.districtName.isEmpty() )
    return text.translate( QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "Green Freight Distribution Facility Siting Plan Report" ) );
  return text.translate( QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "%1 Green Freight Distribution Facility Siting Plan Report" ) ).arg( options.districtName );
}

GisError exportPdf( QgsPrintLayout &layout, const QString &path )
{
  QgsLayoutExporter exporter( &layout );
  QgsLayoutExporter::PdfExportSettings settings;
  // Real text, not outlines: the report stays searchable and its fonts are embedded.
  settings.textRenderFormat = Qgis::TextRenderFormat::AlwaysText;
  settings.appendGeoreference = false;
  settings.dpi = 300;
  const QgsLayoutExporter::ExportResult result = exporter.exportToPdf( path, settings );
  if ( result == QgsLayoutExporter::Success )
    return GisError{};
  GisError error;
  error.code = GisErrorCode::WriteFailed;
  error.file = path;
  error.value = result == QgsLayoutExporter::FileError ? QCoreApplication::translate( "gf::gis::PlanReport", "the PDF file cannot be created" )
                                                        : QCoreApplication::translate( "gf::gis::PlanReport", "the PDF export failed (code %1)" ).arg( static_cast<int>( result ) );
  return error;
}

GisError fileNotFound( const QString &path )
{
  GisError error;
  error.code = GisErrorCode::FileNotFound;
  error.file = path;
  return error;
}

} // namespace

GisError PlanReport::write( const QString &planGpkgPath, const QString &projectPath, const QString &pdfPath, const ReportOptions &options )
{
  initReportResources();
  if ( !QFileInfo::exists( planGpkgPath ) )
    return fileNotFound( planGpkgPath );
  if ( !projectPath.isEmpty() && !QFileInfo::exists( projectPath ) )
    return fileNotFound( projectPath );

  const ReportTranslator text( options.language, options.catalogueDirectory );
  const SourceFile plan( planGpkgPath );
  auto stations = plan.open( QStringLiteral( "stations" ), QgsWkbTypes::PointGeometry );
  auto kpi = plan.open( QStringLiteral( "kpi" ), QgsWkbTypes::NullGeometry );
  for ( const GisError &error : { errorOf( stations ), errorOf( kpi ) } )
  {
    if ( error.isError() )
      return error;
  }
  LayerSource &stationSource = *std::get<std::unique_ptr<LayerSource>>( stations );

  QgsProject project;
  project.setCrs( stationSource.crs() );
  MapLayers mapLayers;
  GisError error = addMapLayers( plan, kPlanMapLayers, text, project, mapLayers );
  if ( error.isError() )
    return error;
  error = addMapLayers( SourceFile( projectPath ), kProjectMapLayers, text, project, mapLayers );
  if ( error.isError() )
    return error;

  // The district boundary frames the map; without one, everything drawn does.
  QgsRectangle extent;
  for ( QgsMapLayer *layer : mapLayers.boundary ? QList<QgsMapLayer *>{ mapLayers.boundary } : mapLayers.topFirst )
    extent.combineExtentWith( QgsCoordinateTransform( layer->crs(), project.crs(), project.transformContext() ).transformBoundingBox( layer->extent() ) );
  extent = extent.buffered( std::max( extent.width(), extent.height() ) * 0.03 );

  const QString title = options.title.isEmpty() ? defaultTitle( options, text ) : options.title;
  QgsProjectMetadata metadata;
  metadata.setTitle( title );
  project.setMetadata( metadata );

  QgsPrintLayout layout( &project );
  layout.setName( title );
  ReportLayoutBuilder builder( layout, text, options.paper );
  const QDate date = options.date.isValid() ? options.date : QDate::currentDate();
  const QString dateLine = text.translate( QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "Date: %1" ) ).arg( date.toString( text.translate( QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "yyyy-MM-dd" ) ) ) );
  builder.addMapPage( title, dateLine, mapLayers.topFirst, extent, project.crs() );

  builder.addTableSection( text.translate( QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "Key performance indicators" ) ), QString(),
                           { { text.translate( QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "Indicator" ) ), 0.55, Qt::AlignLeft },
                             { text.translate( QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "Value" ) ), 0.25, Qt::AlignRight },
                             { text.translate( QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "Unit" ) ), 0.20, Qt::AlignLeft } },
                           kpiRows( *std::get<std::unique_ptr<LayerSource>>( kpi ), text ) );

  if ( plan.has( QStringLiteral( "compliance" ) ) )
  {
    auto compliance = plan.open( QStringLiteral( "compliance" ), QgsWkbTypes::NullGeometry );
    if ( ( error = errorOf( compliance ) ).isError() )
      return error;
    const QgsTableContents rows = complianceRows( *std::get<std::unique_ptr<LayerSource>>( compliance ), text, builder );
    if ( !rows.isEmpty() )
      builder.addTableSection( text.translate( QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "Programme targets" ) ), QString(),
                               { { text.translate( QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "Target" ) ), 0.36, Qt::AlignLeft },
                                 { text.translate( QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "Required" ) ), 0.13, Qt::AlignRight },
                                 { text.translate( QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "Achieved" ) ), 0.13, Qt::AlignRight },
                                 { text.translate( QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "Unit" ) ), 0.12, Qt::AlignLeft },
                                 { text.translate( QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "Margin" ) ), 0.12, Qt::AlignRight },
                                 { text.translate( QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "Result" ) ), 0.14, Qt::AlignLeft } },
                               rows );
  }

  const QStringList stationFields = factSheetFields( stationSource, kStationSheetFields );
  builder.addTableSection( text.translate( QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "End joint distribution stations" ) ),
                           text.translate( QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "Ordered by rank; distances are along the road network." ) ),
                           factSheetColumns( stationFields, text ), siteRows( stationSource, stationFields, text ) );

  if ( plan.has( QStringLiteral( "centres" ) ) )
  {
    auto centres = plan.open( QStringLiteral( "centres" ) );
    if ( ( error = errorOf( centres ) ).isError() )
      return error;
    LayerSource &centreSource = *std::get<std::unique_ptr<LayerSource>>( centres );
    const QStringList centreFields = factSheetFields( centreSource, kCentreSheetFields );
    const QgsTableContents rows = siteRows( centreSource, centreFields, text );
    if ( !rows.isEmpty() )
      builder.addTableSection( text.translate( QT_TRANSLATE_NOOP( "gf::gis::PlanReport", "Public distribution centres" ) ), QString(),
                               factSheetColumns( centreFields, text ), rows );
  }

  return AtomicFile::replace( pdfPath, [&layout]( const QString &temporaryPath ) { return exportPdf( layout, temporaryPath ); } );
}

} // namespace gf::gis
