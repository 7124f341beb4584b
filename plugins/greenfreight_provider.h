#pragma once
// The Processing provider "GreenFreight Planner" (id greenfreight): the planning algorithms
// of gf_gis in QGIS Desktop's Processing toolbox and qgis_process.
#include <qgsprocessingprovider.h>

namespace gf::plugins {

class GreenFreightProvider : public QgsProcessingProvider
{
    Q_OBJECT

  public:
    explicit GreenFreightProvider( QObject *parent = nullptr );

    QString id() const override;
    QString name() const override;
    QString longName() const override;
    QIcon icon() const override;

  protected:
    void loadAlgorithms() override;
};

} // namespace gf::plugins
