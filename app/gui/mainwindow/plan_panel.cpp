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

  mSummaryLabel = new QLabel( this );
  mSummaryLabel->setObjectName( QStringLiteral( "summaryLabel" ) );
  mSummaryLabel->setWordWrap( true );
  mSummaryLabel->setTextFormat( Qt::RichText );
  mSummaryLabel->setOpenExternalLinks( true );
  mSummaryLabel->setTextInteractionFlags( Qt::TextBrowserInteraction );

  auto *form = new QFormLayout();
  form->addRow( tr( "Preset" ), mPresetCombo );
  form->addRow( tr( "Stations" ), mStationSpin );
  form->addRow( tr( "Output folder" ), outputRow );

  auto *layout = new QVBoxLayout( this );
  layout->addLayout( form );
  layout->addWidget( planButton );
  layout->addWidget( mSummaryLabel );
  layout->addStretch( 1 );

  connect( mPresetCombo, qOverload<int>( &QComboBox::currentIndexChanged ), this, &PlanPanel::onPresetChanged );
  onPresetChanged();
}

gf::PlanParameters PlanPanel::parameters() const
{
  gf::PlanParameters parameters = gf::presetParameters( preset() );
  parameters.stationCount = static_cast<std::uint32_t>( mStationSpin->value() );
  return parameters;
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

void PlanPanel::onPresetChanged()
{
  mStationSpin->setValue( static_cast<int>( gf::presetParameters( preset() ).stationCount ) );
}

void PlanPanel::browseOutputDirectory()
{
  const QString directory = QFileDialog::getExistingDirectory( this, tr( "Output folder" ), outputDirectory() );
  if ( !directory.isEmpty() )
    mOutputEdit->setText( directory );
}

} // namespace gf::app
