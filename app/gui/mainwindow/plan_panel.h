#pragma once
// The plan dock: district preset, number of stations, station objective, datum of the
// geocoded points, output folder, the plan action and the summary of the last plan.
#include "engine/scenario/plan_parameters.h"
#include "gis/crs/china_offset_datum.h"

#include <QWidget>

#include <optional>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace gf::app {

class PlanPanel : public QWidget
{
    Q_OBJECT

  public:
    //! \a planAction is shown as the panel's button; the window owns it.
    explicit PlanPanel( QAction *planAction, QWidget *parent = nullptr );

    //! The selected preset's parameters with the chosen station count and objective.
    gf::PlanParameters parameters() const;

    gf::DistrictPreset preset() const;
    void setPreset( gf::DistrictPreset preset );

    int stationCount() const;
    void setStationCount( int count );

    gf::StationObjective objective() const;
    void setObjective( gf::StationObjective objective );

    //! Datum of the geocoded point layers; unset: as the project's gf_project table says.
    std::optional<gf::gis::OffsetDatum> surveyDatum() const;
    void setSurveyDatum( std::optional<gf::gis::OffsetDatum> datum );

    QString outputDirectory() const;
    void setOutputDirectory( const QString &directory );

    //! Rich text shown under the controls (summary of the last plan, or empty).
    void setSummary( const QString &html );

    //! Plain text on the site decisions waiting for the next plan (empty: hidden).
    void setDecisionNote( const QString &text );

  private:
    void onPresetChanged();
    void browseOutputDirectory();

    QComboBox *mPresetCombo = nullptr;
    QSpinBox *mStationSpin = nullptr;
    QComboBox *mObjectiveCombo = nullptr;
    QSpinBox *mExactSpin = nullptr;
    QComboBox *mDatumCombo = nullptr;
    QLineEdit *mOutputEdit = nullptr;
    QLabel *mDecisionLabel = nullptr;
    QLabel *mSummaryLabel = nullptr;
};

} // namespace gf::app
