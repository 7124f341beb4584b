#include "gui/mainwindow/plan_panel.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

namespace gf::app {

namespace {

constexpr int kMaxStations = 1000;
//! Upper end of the exact-mode time a planner can pick in the panel: an hour per tier.
constexpr int kMaxExactSeconds = 3600;
//! Item data of the datum combo for "as the project says".
constexpr int kProjectDatum = -1;

} // namespace

PlanPanel::PlanPanel( QAction *planAction, QWidget *parent )
  : QWidget( parent )
{
  mPresetCombo = new QComboBox( this );
  mPresetCombo->setObjectName( QStringLiteral( "presetCombo" ) );
  const auto stations = []( gf::DistrictPreset preset ) { return static_cast<int>( gf::presetParameters( preset ).stationCount ); };
  mPresetCombo->addItem( tr( "Zhangdian district (%n station(s))", nullptr, stations( gf::DistrictPreset::Zhangdian ) ),
                         static_cast<int>( gf::DistrictPreset::Zhangdian ) );
  mPresetCombo->addItem( tr( "Linzi district (%n station(s))", nullptr, stations( gf::DistrictPreset::Linzi ) ),
                         static_cast<int>( gf::DistrictPreset::Linzi ) );
  mPresetCombo->setToolTip( tr( "Programme targets of the district work plan" ) );

  mStationSpin = new QSpinBox( this );
  mStationSpin->setObjectName( QStringLiteral( "stationSpin" ) );
  mStationSpin->setRange( 1, kMaxStations );
  mStationSpin->setToolTip( tr( "Number of end-point joint distribution stations to site" ) );

  mObjectiveCombo = new QComboBox( this );
  mObjectiveCombo->setObjectName( QStringLiteral( "objectiveCombo" ) );
  mObjectiveCombo->addItem( tr( "p-median: shortest parcel-weighted distance" ), static_cast<int>( gf::StationObjective::PMedian ) );
  mObjectiveCombo->addItem( tr( "Coverage: most parcels within the service radius" ), static_cast<int>( gf::StationObjective::Coverage ) );
  mObjectiveCombo->setToolTip( tr( "What the station siting optimises" ) );

  mExactSpin = new QSpinBox( this );
  mExactSpin->setObjectName( QStringLiteral( "exactSpin" ) );
  mExactSpin->setRange( 0, kMaxExactSeconds );
  mExactSpin->setSingleStep( 30 );
  mExactSpin->setSuffix( tr( " s" ) );
  mExactSpin->setSpecialValueText( tr( "Off" ) );
  mExactSpin->setToolTip( tr( "Exact mode: after the heuristic, the MILP solver (CBC) gets this long per tier to improve the plan or prove it optimal" ) );

  mDatumCombo = new QComboBox( this );
  mDatumCombo->setObjectName( QStringLiteral( "datumCombo" ) );
  mDatumCombo->addItem( tr( "As set in the project" ), kProjectDatum );
  mDatumCombo->addItem( tr( "WGS 84 / CGCS2000" ), static_cast<int>( gf::gis::OffsetDatum::None ) );
  mDatumCombo->addItem( tr( "GCJ-02 (Amap, Tencent)" ), static_cast<int>( gf::gis::OffsetDatum::Gcj02 ) );
  mDatumCombo->addItem( tr( "BD-09 (Baidu)" ), static_cast<int>( gf::gis::OffsetDatum::Bd09 ) );
  mDatumCombo->setToolTip( tr( "Coordinate system the demand, outlet and hub points were geocoded in; web-map offsets are corrected" ) );

  mOutputEdit = new QLineEdit( this );
  mOutputEdit->setObjectName( QStringLiteral( "outputEdit" ) );
  mOutputEdit->setToolTip( tr( "Folder where the plan GeoPackage is written" ) );
  auto *browseButton = new QToolButton( this );
  browseButton->setText( tr( "Browse…" ) );
  connect( browseButton, &QToolButton::clicked, this, &PlanPanel::browseOutputDirectory );
  auto *outputRow = new QHBoxLayout();
  outputRow->addWidget( mOutputEdit, 1 );
  outputRow->addWidget( browseButton );

  auto *planButton = new QToolButton( this );
  planButton->setDefaultAction( planAction );
  planButton->setToolButtonStyle( Qt::ToolButtonTextBesideIcon );
  planButton->setSizePolicy( QSizePolicy::Expanding, QSizePolicy::Fixed );

  mDecisionLabel = new QLabel( this );
  mDecisionLabel->setObjectName( QStringLiteral( "decisionLabel" ) );
  mDecisionLabel->setWordWrap( true );
  mDecisionLabel->setTextFormat( Qt::PlainText );
  mDecisionLabel->setVisible( false );

  mSummaryLabel = new QLabel( this );
  mSummaryLabel->setObjectName( QStringLiteral( "summaryLabel" ) );
  mSummaryLabel->setWordWrap( true );
  mSummaryLabel->setTextFormat( Qt::RichText );
  mSummaryLabel->setOpenExternalLinks( true );
  mSummaryLabel->setTextInteractionFlags( Qt::TextBrowserInteraction );

  auto *form = new QFormLayout();
  form->addRow( tr( "Preset" ), mPresetCombo );
  form->addRow( tr( "Stations" ), mStationSpin );
  form->addRow( tr( "Objective" ), mObjectiveCombo );
  form->addRow( tr( "Exact mode" ), mExactSpin );
  form->addRow( tr( "Survey datum" ), mDatumCombo );
  form->addRow( tr( "Output folder" ), outputRow );

  auto *layout = new QVBoxLayout( this );
  layout->addLayout( form );
  layout->addWidget( planButton );
  layout->addWidget( mDecisionLabel );
  layout->addWidget( mSummaryLabel );
  layout->addStretch( 1 );

  connect( mPresetCombo, qOverload<int>( &QComboBox::currentIndexChanged ), this, &PlanPanel::onPresetChanged );
  onPresetChanged();
}

gf::PlanParameters PlanPanel::parameters() const
{
  gf::PlanParameters parameters = gf::presetParameters( preset() );
  parameters.stationCount = static_cast<std::uint32_t>( mStationSpin->value() );
  parameters.programme.stations.objective = objective();
  parameters.exactTimeLimitS = mExactSpin->value();
  return parameters;
}

gf::StationObjective PlanPanel::objective() const
{
  return static_cast<gf::StationObjective>( mObjectiveCombo->currentData().toInt() );
}

void PlanPanel::setObjective( gf::StationObjective objective )
{
  mObjectiveCombo->setCurrentIndex( mObjectiveCombo->findData( static_cast<int>( objective ) ) );
}

std::optional<gf::gis::OffsetDatum> PlanPanel::surveyDatum() const
{
  const int datum = mDatumCombo->currentData().toInt();
  if ( datum == kProjectDatum )
    return std::nullopt;
  return static_cast<gf::gis::OffsetDatum>( datum );
}

void PlanPanel::setSurveyDatum( std::optional<gf::gis::OffsetDatum> datum )
{
  mDatumCombo->setCurrentIndex( mDatumCombo->findData( datum ? static_cast<int>( *datum ) : kProjectDatum ) );
}

gf::DistrictPreset PlanPanel::preset() const
{
  return static_cast<gf::DistrictPreset>( mPresetCombo->currentData().toInt() );
}

void PlanPanel::setPreset( gf::DistrictPreset preset )
{
  mPresetCombo->setCurrentIndex( mPresetCombo->findData( static_cast<int>( preset ) ) );
}

int PlanPanel::stationCount() const
{
  return mStationSpin->value();
}

void PlanPanel::setStationCount( int count )
{
  mStationSpin->setValue( count );
}

QString PlanPanel::outputDirectory() const
{
  return mOutputEdit->text().trimmed();
}

void PlanPanel::setOutputDirectory( const QString &directory )
{
  mOutputEdit->setText( directory );
}

void PlanPanel::setSummary( const QString &html )
{
  mSummaryLabel->setText( html );
}

void PlanPanel::setDecisionNote( const QString &text )
{
  mDecisionLabel->setText( text );
  mDecisionLabel->setVisible( !text.isEmpty() );
}

void PlanPanel::onPresetChanged()
{
  const gf::PlanParameters defaults = gf::presetParameters( preset() );
  mStationSpin->setValue( static_cast<int>( defaults.stationCount ) );
  setObjective( defaults.programme.stations.objective );
}

void PlanPanel::browseOutputDirectory()
{
  const QString directory = QFileDialog::getExistingDirectory( this, tr( "Output folder" ), outputDirectory() );
  if ( !directory.isEmpty() )
    mOutputEdit->setText( directory );
}

} // namespace gf::app
