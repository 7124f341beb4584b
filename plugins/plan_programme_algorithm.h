#pragma once
// greenfreight:planprogramme: the programme plan of a district (gf::gis::runPlanJob) from a
// project GeoPackage to a plan GeoPackage and, optionally, the PDF siting report.
#include <qgsprocessingalgorithm.h>

#include <QCoreApplication>

namespace gf::plugins {

class PlanProgrammeAlgorithm : public QgsProcessingAlgorithm
{
    Q_DECLARE_TR_FUNCTIONS( gf::plugins::PlanProgrammeAlgorithm )

  public:
    QString name() const override;
    QString displayName() const override;
    QString group() const override;
    QString groupId() const override;
    QString shortHelpString() const override;
    Flags flags() const override;
    PlanProgrammeAlgorithm *createInstance() const override;

  protected:
    void initAlgorithm( const QVariantMap &configuration = QVariantMap() ) override;
    QVariantMap processAlgorithm( const QVariantMap &parameters, QgsProcessingContext &context,
                                  QgsProcessingFeedback *feedback ) override;
};

} // namespace gf::plugins
