#pragma once
// greenfreight:serviceareas: nested service-area polygons (isochrones) of one site on the
// project's road network, as `greenfreight-cli isochrone` computes them.
#include <qgsprocessingalgorithm.h>

#include <QCoreApplication>

namespace gf::plugins {

class ServiceAreasAlgorithm : public QgsProcessingAlgorithm
{
    Q_DECLARE_TR_FUNCTIONS( gf::plugins::ServiceAreasAlgorithm )

  public:
    QString name() const override;
    QString displayName() const override;
    QString group() const override;
    QString groupId() const override;
    QString shortHelpString() const override;
    ServiceAreasAlgorithm *createInstance() const override;

  protected:
    void initAlgorithm( const QVariantMap &configuration = QVariantMap() ) override;
    QVariantMap processAlgorithm( const QVariantMap &parameters, QgsProcessingContext &context,
                                  QgsProcessingFeedback *feedback ) override;
};

} // namespace gf::plugins
