// The bundled sample district: generated content, schema, plausibility and determinism.

#include <qgsapplication.h>
#include <qgscoordinatereferencesystem.h>
#include <qgscoordinatetransform.h>
#include <qgsfeature.h>
#include <qgsfeatureiterator.h>
#include <qgsfeaturerequest.h>
#include <qgsgeometry.h>
#include <qgsproject.h>
#include <qgsspatialindex.h>
#include <qgsvectorlayer.h>

#include <QFile>
#include <QMap>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <memory>
#include <numeric>

namespace {

const QStringList kLayers = { "roads", "parcels", "demand", "hubs", "outlets", "boundary", "control_lines", "gf_project" };

// Third land survey classes allowed in the sample, with their official names.
const QMap<QString, QString> kLandUseNames = {
  { "0101", "水田" },
  { "0102", "水浇地" },
  { "0103", "旱地" },
  { "0508", "物流仓储用地" },
  { "05H1", "商业服务业设施用地" },
  { "0601", "工业用地" },
  { "0701", "城镇住宅用地" },
  { "0810", "公园与绿地" },
  { "08H1", "机关团体新闻出版用地" },
  { "08H2", "科教文卫用地" },
  { "1004", "城镇村道路用地" },
  { "1101", "河流水面" },
  { "1104", "坑塘水面" },
  { "1201", "空闲地" },
};

// Land uses a survey point of each type may sit on.
const QMap<QString, QStringList> kDemandLandUses = {
  { "community", { "0701" } },
  { "university", { "08H2" } },
  { "business_district", { "05H1" } },
  { "supermarket", { "05H1" } },
  { "chain_store", { "05H1", "0701" } },
  { "wholesale_market", { "05H1", "0508" } },
  { "industrial_park", { "0601", "0508" } },
};

QString generatorPath()
{
  return QStringLiteral( GF_BIN_DIR "/greenfreight-sample-generator" );
}

std::unique_ptr<QgsVectorLayer> openLayer( const QString &path, const QString &name )
{
  return std::make_unique<QgsVectorLayer>( path + "|layername=" + name, name, QStringLiteral( "ogr" ) );
}

QList<QgsFeature> featuresOf( QgsVectorLayer &layer )
{
  QList<QgsFeature> features;
  QgsFeatureIterator it = layer.getFeatures();
  QgsFeature feature;
  while ( it.nextFeature( feature ) )
    features << feature;
  return features;
}

//! Every feature of every layer as text (fid, attributes, WKT), ordered by fid.
QStringList contentOf( const QString &path )
{
  QStringList lines;
  for ( const QString &name : kLayers )
  {
    std::unique_ptr<QgsVectorLayer> layer = openLayer( path, name );
    if ( !layer->isValid() )
    {
      lines << name + ": missing";
      continue;
    }
    QList<QgsFeature> features = featuresOf( *layer );
    std::sort( features.begin(), features.end(), []( const QgsFeature &a, const QgsFeature &b ) { return a.id() < b.id(); } );
    for ( const QgsFeature &feature : std::as_const( features ) )
    {
      QStringList parts { name, QString::number( feature.id() ) };
      for ( const QVariant &value : feature.attributes() )
        parts << ( value.isNull() ? QStringLiteral( "NULL" ) : value.toString() );
      parts << feature.geometry().asWkt( 2 );
      lines << parts.join( '|' );
    }
  }
  return lines;
}

struct Segment
{
  QgsPointXY a;
  QgsPointXY b;
  QgsFeatureId road;
};

double orientation( const QgsPointXY &a, const QgsPointXY &b, const QgsPointXY &p )
{
  return ( b.x() - a.x() ) * ( p.y() - a.y() ) - ( b.y() - a.y() ) * ( p.x() - a.x() );
}

//! True when p lies on the open segment a–b (within 1 mm) without being one of its ends.
bool onInterior( const QgsPointXY &p, const QgsPointXY &a, const QgsPointXY &b )
{
  if ( p == a || p == b )
    return false;
  const double length = a.distance( b );
  if ( length == 0.0 )
    return false;
  const double t = ( ( p.x() - a.x() ) * ( b.x() - a.x() ) + ( p.y() - a.y() ) * ( b.y() - a.y() ) ) / ( length * length );
  return t > 0.0 && t < 1.0 && std::abs( orientation( a, b, p ) ) / length < 0.001;
}

} // namespace

class TestSampleData : public QObject
{
    Q_OBJECT

  private slots:
    void initTestCase();
    void cleanupTestCase();
    void layerSchema_data();
    void layerSchema();
    void featureCounts();
    void coordinatesInsideDistrict();
    void parcelsUseSurveyCodes();
    void parcelsCoverBoundary();
    void roadAttributes();
    void roadsAreNoded();
    void roadNetworkMostlyConnected();
    void demandOnMatchingLand();
    void hubsOutletsAndControlLines();
    void repeatedRunsGiveSameContent();
    void committedSampleIsCurrent();

  private:
    QString runGenerator( const QString &fileName );

    QTemporaryDir mTempDir;
    QString mFirstRun;
    QString mSecondRun;
};

QString TestSampleData::runGenerator( const QString &fileName )
{
  const QString path = mTempDir.filePath( fileName );
  QProcess process;
  process.start( generatorPath(), { path } );
  if ( !process.waitForFinished( 60000 ) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0 )
  {
    qWarning() << process.readAllStandardError();
    return QString();
  }
  return path;
}

void TestSampleData::initTestCase()
{
  QgsApplication::init();
  QgsApplication::initQgis();
  QVERIFY( mTempDir.isValid() );
  QVERIFY2( QFile::exists( generatorPath() ), qPrintable( generatorPath() ) );
  mFirstRun = runGenerator( QStringLiteral( "first.gpkg" ) );
  mSecondRun = runGenerator( QStringLiteral( "second.gpkg" ) );
  QVERIFY( !mFirstRun.isEmpty() );
  QVERIFY( !mSecondRun.isEmpty() );
  QVERIFY( !QFile::exists( mFirstRun + ".partial.gpkg" ) );
}

void TestSampleData::cleanupTestCase()
{
  QgsApplication::exitQgis();
}

void TestSampleData::layerSchema_data()
{
  QTest::addColumn<QString>( "layerName" );
  QTest::addColumn<int>( "wkbType" );
  QTest::addColumn<QStringList>( "fieldNames" );
  QTest::addColumn<QList<int>>( "fieldTypes" );

  const int text = QVariant::String;
  const int integer = QVariant::Int;
  const int real = QVariant::Double;
  QTest::newRow( "roads" ) << "roads" << static_cast<int>( QgsWkbTypes::LineString )
                           << QStringList { "road_class", "name", "speed_kmh", "oneway", "truck_restricted", "restrict_start", "restrict_end", "lanes" }
                           << QList<int> { text, text, integer, integer, integer, text, text, integer };
  QTest::newRow( "parcels" ) << "parcels" << static_cast<int>( QgsWkbTypes::Polygon ) << QStringList { "DLBM", "DLMC", "area_m2" }
                             << QList<int> { text, text, real };
  QTest::newRow( "demand" ) << "demand" << static_cast<int>( QgsWkbTypes::Point )
                            << QStringList { "demand_type", "name", "parcels_per_day", "tonnes_per_day", "joint_distribution" }
                            << QList<int> { text, text, integer, real, text };
  QTest::newRow( "hubs" ) << "hubs" << static_cast<int>( QgsWkbTypes::Point ) << QStringList { "name", "capacity_tonnes_per_day" }
                          << QList<int> { text, integer };
  QTest::newRow( "outlets" ) << "outlets" << static_cast<int>( QgsWkbTypes::Point ) << QStringList { "outlet_type", "name", "capacity_parcels_per_day" }
                             << QList<int> { text, text, integer };
  QTest::newRow( "boundary" ) << "boundary" << static_cast<int>( QgsWkbTypes::Polygon ) << QStringList { "name", "adcode" } << QList<int> { text, text };
  QTest::newRow( "control_lines" ) << "control_lines" << static_cast<int>( QgsWkbTypes::Polygon ) << QStringList { "line_type", "name" }
                                   << QList<int> { text, text };
  QTest::newRow( "gf_project" ) << "gf_project" << static_cast<int>( QgsWkbTypes::NoGeometry )
                                << QStringList { "name", "preset", "crs", "generator_version" } << QList<int> { text, text, text, text };
}

void TestSampleData::layerSchema()
{
  QFETCH( QString, layerName );
  QFETCH( int, wkbType );
  QFETCH( QStringList, fieldNames );
  QFETCH( QList<int>, fieldTypes );

  std::unique_ptr<QgsVectorLayer> layer = openLayer( mFirstRun, layerName );
  QVERIFY2( layer->isValid(), qPrintable( layerName ) );
  QCOMPARE( static_cast<int>( layer->wkbType() ), wkbType );
  if ( wkbType != QgsWkbTypes::NoGeometry )
    QCOMPARE( layer->crs().authid(), QStringLiteral( "EPSG:4548" ) );
  for ( int k = 0; k < fieldNames.size(); ++k )
  {
    const int index = layer->fields().lookupField( fieldNames[k] );
    QVERIFY2( index >= 0, qPrintable( layerName + '.' + fieldNames[k] ) );
    QCOMPARE( static_cast<int>( layer->fields().at( index ).type() ), fieldTypes[k] );
  }
}

void TestSampleData::featureCounts()
{
  const QMap<QString, QPair<long long, long long>> ranges = {
    { "roads", { 2000, 8000 } }, { "parcels", { 1000, 6000 } }, { "demand", { 600, 1000 } }, { "hubs", { 2, 2 } },
    { "outlets", { 120, 200 } }, { "boundary", { 1, 1 } }, { "control_lines", { 3, 10 } }, { "gf_project", { 1, 1 } },
  };
  for ( auto it = ranges.cbegin(); it != ranges.cend(); ++it )
  {
    std::unique_ptr<QgsVectorLayer> layer = openLayer( mFirstRun, it.key() );
    const long long count = layer->featureCount();
    QVERIFY2( count >= it.value().first && count <= it.value().second, qPrintable( QStringLiteral( "%1: %2" ).arg( it.key() ).arg( count ) ) );
  }
}

void TestSampleData::coordinatesInsideDistrict()
{
  // Zhangdian's centre projected independently of the generator.
  const QgsCoordinateTransform transform( QgsCoordinateReferenceSystem( "EPSG:4490" ), QgsCoordinateReferenceSystem( "EPSG:4548" ), QgsProject::instance() );
  const QgsPointXY centre = transform.transform( QgsPointXY( 118.05, 36.80 ) );
  QVERIFY( std::abs( centre.x() - 593700.0 ) < 1000.0 );
  QVERIFY( std::abs( centre.y() - 4074800.0 ) < 1000.0 );
  const QgsRectangle expected( centre.x() - 5500.0, centre.y() - 5500.0, centre.x() + 5500.0, centre.y() + 5500.0 );

  for ( const QString &name : kLayers )
  {
    if ( name == QLatin1String( "gf_project" ) )
      continue;
    std::unique_ptr<QgsVectorLayer> layer = openLayer( mFirstRun, name );
    for ( const QgsFeature &feature : featuresOf( *layer ) )
    {
      QVERIFY2( expected.contains( feature.geometry().boundingBox() ), qPrintable( name + ' ' + QString::number( feature.id() ) ) );
      QVERIFY2( feature.geometry().isGeosValid(), qPrintable( name + ' ' + QString::number( feature.id() ) ) );
    }
  }

  std::unique_ptr<QgsVectorLayer> boundary = openLayer( mFirstRun, "boundary" );
  const QgsFeature district = featuresOf( *boundary ).value( 0 );
  const double areaKm2 = district.geometry().area() / 1.0e6;
  QVERIFY2( areaKm2 > 85.0 && areaKm2 < 115.0, qPrintable( QString::number( areaKm2 ) ) );
  QCOMPARE( district.attribute( "name" ).toString(), QStringLiteral( "张店区" ) );
  QCOMPARE( district.attribute( "adcode" ).toString(), QStringLiteral( "370303" ) );
}

void TestSampleData::parcelsUseSurveyCodes()
{
  std::unique_ptr<QgsVectorLayer> parcels = openLayer( mFirstRun, "parcels" );
  QSet<QString> seen;
  for ( const QgsFeature &parcel : featuresOf( *parcels ) )
  {
    const QString code = parcel.attribute( "DLBM" ).toString();
    QVERIFY2( kLandUseNames.contains( code ), qPrintable( code ) );
    QCOMPARE( parcel.attribute( "DLMC" ).toString(), kLandUseNames.value( code ) );
    QVERIFY( std::abs( parcel.attribute( "area_m2" ).toDouble() - parcel.geometry().area() ) < 0.05 );
    seen.insert( code );
  }
  // Later planning needs land for centres, stations and farmland exclusions.
  for ( const char *code : { "0701", "05H1", "0601", "0508", "0103", "1101", "0810", "08H2" } )
    QVERIFY2( seen.contains( code ), qPrintable( code ) );
}

void TestSampleData::parcelsCoverBoundary()
{
  std::unique_ptr<QgsVectorLayer> parcels = openLayer( mFirstRun, "parcels" );
  std::unique_ptr<QgsVectorLayer> boundary = openLayer( mFirstRun, "boundary" );
  const QgsGeometry district = featuresOf( *boundary ).value( 0 ).geometry();
  double total = 0.0;
  for ( const QgsFeature &parcel : featuresOf( *parcels ) )
  {
    total += parcel.geometry().area();
    QVERIFY( district.intersects( parcel.geometry().pointOnSurface() ) );
  }
  // Parcels tile the district: their areas add up to it (no gaps, no overlaps).
  QVERIFY2( std::abs( total - district.area() ) / district.area() < 1.0e-4, qPrintable( QStringLiteral( "%1 vs %2" ).arg( total ).arg( district.area() ) ) );
}

void TestSampleData::roadAttributes()
{
  std::unique_ptr<QgsVectorLayer> roads = openLayer( mFirstRun, "roads" );
  const QRegularExpression clock( QStringLiteral( "^([01][0-9]|2[0-3]):[0-5][0-9]$" ) );
  QMap<QString, int> classes;
  int restricted = 0;
  int oneway = 0;
  for ( const QgsFeature &road : featuresOf( *roads ) )
  {
    const QString roadClass = road.attribute( "road_class" ).toString();
    ++classes[roadClass];
    QVERIFY( !road.attribute( "name" ).toString().isEmpty() );
    QVERIFY( road.attribute( "speed_kmh" ).toInt() >= 10 && road.attribute( "speed_kmh" ).toInt() <= 120 );
    QVERIFY( road.attribute( "lanes" ).toInt() >= 1 && road.attribute( "lanes" ).toInt() <= 8 );
    const int direction = road.attribute( "oneway" ).toInt();
    QVERIFY( direction == 0 || direction == 1 );
    oneway += direction;
    const int ban = road.attribute( "truck_restricted" ).toInt();
    QVERIFY( ban == 0 || ban == 1 );
    if ( ban == 1 )
    {
      ++restricted;
      const QString start = road.attribute( "restrict_start" ).toString();
      const QString end = road.attribute( "restrict_end" ).toString();
      QVERIFY2( clock.match( start ).hasMatch() && clock.match( end ).hasMatch(), qPrintable( start + '-' + end ) );
      QVERIFY( start < end );
    }
    else
    {
      QVERIFY( road.attribute( "restrict_start" ).isNull() );
      QVERIFY( road.attribute( "restrict_end" ).isNull() );
    }
    QVERIFY( road.geometry().length() > 0.0 );
  }
  QCOMPARE( classes.keys(), QStringList( { "arterial", "branch", "collector", "expressway" } ) );
  QVERIFY( classes.value( "branch" ) > classes.value( "collector" ) );
  QVERIFY( restricted > 50 );
  QVERIFY( oneway > 10 );
}

void TestSampleData::roadsAreNoded()
{
  // Brute force over a grid: no two segments may cross or touch except at a shared vertex.
  std::unique_ptr<QgsVectorLayer> roads = openLayer( mFirstRun, "roads" );
  std::vector<Segment> segments;
  for ( const QgsFeature &road : featuresOf( *roads ) )
  {
    const QgsPolylineXY line = road.geometry().asPolyline();
    for ( int k = 0; k + 1 < line.size(); ++k )
      segments.push_back( { line[k], line[k + 1], road.id() } );
  }
  const double cellM = 200.0;
  std::map<std::pair<int, int>, std::vector<std::size_t>> grid;
  for ( std::size_t s = 0; s < segments.size(); ++s )
  {
    const QgsRectangle box( segments[s].a, segments[s].b );
    for ( int cx = static_cast<int>( std::floor( box.xMinimum() / cellM ) ); cx <= static_cast<int>( std::floor( box.xMaximum() / cellM ) ); ++cx )
      for ( int cy = static_cast<int>( std::floor( box.yMinimum() / cellM ) ); cy <= static_cast<int>( std::floor( box.yMaximum() / cellM ) ); ++cy )
        grid[{ cx, cy }].push_back( s );
  }
  int violations = 0;
  for ( const auto &cell : grid )
  {
    const std::vector<std::size_t> &members = cell.second;
    for ( std::size_t m = 0; m < members.size(); ++m )
    {
      for ( std::size_t n = m + 1; n < members.size(); ++n )
      {
        const Segment &s = segments[members[m]];
        const Segment &t = segments[members[n]];
        if ( s.road == t.road )
          continue;
        const double d1 = orientation( s.a, s.b, t.a );
        const double d2 = orientation( s.a, s.b, t.b );
        const double d3 = orientation( t.a, t.b, s.a );
        const double d4 = orientation( t.a, t.b, s.b );
        const bool crosses = ( ( d1 > 0 && d2 < 0 ) || ( d1 < 0 && d2 > 0 ) ) && ( ( d3 > 0 && d4 < 0 ) || ( d3 < 0 && d4 > 0 ) );
        const bool shareVertex = s.a == t.a || s.a == t.b || s.b == t.a || s.b == t.b;
        const bool touches = onInterior( t.a, s.a, s.b ) || onInterior( t.b, s.a, s.b ) || onInterior( s.a, t.a, t.b ) || onInterior( s.b, t.a, t.b );
        if ( ( crosses && !shareVertex ) || touches )
        {
          if ( ++violations <= 5 )
            qWarning() << "roads" << s.road << t.road << "meet without a shared vertex near" << s.a.toString( 1 );
        }
      }
    }
  }
  QCOMPARE( violations, 0 );
}

void TestSampleData::roadNetworkMostlyConnected()
{
  // Union-find over segments joined at equal vertices.
  std::unique_ptr<QgsVectorLayer> roads = openLayer( mFirstRun, "roads" );
  const QList<QgsFeature> features = featuresOf( *roads );
  std::vector<int> parent( static_cast<std::size_t>( features.size() ) );
  std::iota( parent.begin(), parent.end(), 0 );
  const std::function<int( int )> root = [&]( int k ) { return parent[static_cast<std::size_t>( k )] == k ? k : parent[static_cast<std::size_t>( k )] = root( parent[static_cast<std::size_t>( k )] ); };
  std::map<std::pair<double, double>, int> firstAtVertex;
  for ( int k = 0; k < features.size(); ++k )
  {
    for ( const QgsPointXY &p : features[k].geometry().asPolyline() )
    {
      const auto inserted = firstAtVertex.emplace( std::make_pair( p.x(), p.y() ), k );
      if ( !inserted.second )
        parent[static_cast<std::size_t>( root( k ) )] = root( inserted.first->second );
    }
  }
  std::map<int, int> sizes;
  for ( int k = 0; k < features.size(); ++k )
    ++sizes[root( k )];
  std::vector<int> ordered;
  for ( const auto &entry : sizes )
    ordered.push_back( entry.second );
  std::sort( ordered.rbegin(), ordered.rend() );
  QVERIFY2( ordered.size() >= 2 && ordered.size() <= 10, qPrintable( QString::number( ordered.size() ) ) );
  QVERIFY( ordered.front() >= 0.98 * features.size() );
  QVERIFY( ordered[1] <= 5 );
}

void TestSampleData::demandOnMatchingLand()
{
  std::unique_ptr<QgsVectorLayer> parcels = openLayer( mFirstRun, "parcels" );
  std::unique_ptr<QgsVectorLayer> demand = openLayer( mFirstRun, "demand" );
  const QList<QgsFeature> parcelFeatures = featuresOf( *parcels );
  QgsSpatialIndex index;
  QHash<QgsFeatureId, QgsFeature> byId;
  for ( const QgsFeature &parcel : parcelFeatures )
  {
    index.addFeature( const_cast<QgsFeature &>( parcel ) );
    byId.insert( parcel.id(), parcel );
  }
  QMap<QString, int> types;
  for ( const QgsFeature &point : featuresOf( *demand ) )
  {
    const QString type = point.attribute( "demand_type" ).toString();
    QVERIFY2( kDemandLandUses.contains( type ), qPrintable( type ) );
    ++types[type];
    QVERIFY( !point.attribute( "name" ).toString().isEmpty() );
    QVERIFY( point.attribute( "parcels_per_day" ).toInt() > 0 );
    QVERIFY( point.attribute( "tonnes_per_day" ).toDouble() > 0.0 );
    const QString joint = point.attribute( "joint_distribution" ).toString();
    QVERIFY( joint == QLatin1String( "yes" ) || joint == QLatin1String( "no" ) );
    const QgsPointXY location = point.geometry().asPoint();
    bool onMatchingLand = false;
    for ( const QgsFeatureId id : index.intersects( QgsRectangle( location, location ) ) )
    {
      const QgsFeature &parcel = byId[id];
      if ( parcel.geometry().contains( &location ) && kDemandLandUses.value( type ).contains( parcel.attribute( "DLBM" ).toString() ) )
        onMatchingLand = true;
    }
    QVERIFY2( onMatchingLand, qPrintable( type + ' ' + point.attribute( "name" ).toString() ) );
  }
  QCOMPARE( types.keys(), kDemandLandUses.keys() );
}

void TestSampleData::hubsOutletsAndControlLines()
{
  std::unique_ptr<QgsVectorLayer> boundary = openLayer( mFirstRun, "boundary" );
  const QgsGeometry district = featuresOf( *boundary ).value( 0 ).geometry();
  const QgsGeometry outline = QgsGeometry( district.constGet()->boundary() );

  std::unique_ptr<QgsVectorLayer> hubs = openLayer( mFirstRun, "hubs" );
  for ( const QgsFeature &hub : featuresOf( *hubs ) )
  {
    QVERIFY( !hub.attribute( "name" ).toString().isEmpty() );
    QVERIFY( hub.attribute( "capacity_tonnes_per_day" ).toInt() > 0 );
    QVERIFY( district.contains( hub.geometry() ) );
    QVERIFY2( outline.distance( hub.geometry() ) < 1500.0, "hubs sit at the district edge" );
  }

  std::unique_ptr<QgsVectorLayer> outlets = openLayer( mFirstRun, "outlets" );
  QSet<QString> outletTypes;
  for ( const QgsFeature &outlet : featuresOf( *outlets ) )
  {
    outletTypes.insert( outlet.attribute( "outlet_type" ).toString() );
    QVERIFY( !outlet.attribute( "name" ).toString().isEmpty() );
    QVERIFY( outlet.attribute( "capacity_parcels_per_day" ).toInt() > 0 );
    QVERIFY( district.contains( outlet.geometry() ) );
  }
  QCOMPARE( outletTypes, QSet<QString>( { "express_point", "post_office", "convenience_store", "supermarket", "community_station" } ) );

  std::unique_ptr<QgsVectorLayer> lines = openLayer( mFirstRun, "control_lines" );
  QSet<QString> lineTypes;
  for ( const QgsFeature &line : featuresOf( *lines ) )
  {
    lineTypes.insert( line.attribute( "line_type" ).toString() );
    QVERIFY( !line.attribute( "name" ).toString().isEmpty() );
    QVERIFY( line.geometry().area() > 1.0e5 );
  }
  QCOMPARE( lineTypes, QSet<QString>( { "basic_farmland", "ecological_redline", "urban_boundary" } ) );

  std::unique_ptr<QgsVectorLayer> project = openLayer( mFirstRun, "gf_project" );
  const QgsFeature row = featuresOf( *project ).value( 0 );
  QCOMPARE( row.attribute( "preset" ).toString(), QStringLiteral( "zhangdian" ) );
  QCOMPARE( row.attribute( "crs" ).toString(), QStringLiteral( "EPSG:4548" ) );
}

void TestSampleData::repeatedRunsGiveSameContent()
{
  const QStringList first = contentOf( mFirstRun );
  const QStringList second = contentOf( mSecondRun );
  QVERIFY( first.size() > 3000 );
  QCOMPARE( second.size(), first.size() );
  for ( int k = 0; k < first.size(); ++k )
    QCOMPARE( second[k], first[k] );
}

void TestSampleData::committedSampleIsCurrent()
{
  const QString committed = QStringLiteral( GF_SOURCE_DIR "/sample-data/zhangdian-demo.gpkg" );
  QVERIFY2( QFile::exists( committed ), "regenerate it, see sample-data/README.md" );
  const QStringList fresh = contentOf( mFirstRun );
  const QStringList stored = contentOf( committed );
  QCOMPARE( stored.size(), fresh.size() );
  for ( int k = 0; k < fresh.size(); ++k )
    QVERIFY2( stored[k] == fresh[k], "sample-data/zhangdian-demo.gpkg is stale: regenerate it, see sample-data/README.md" );
}

QTEST_MAIN( TestSampleData )
#include "test_sample_data.moc"
