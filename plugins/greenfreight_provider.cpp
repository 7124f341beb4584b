#include "greenfreight_provider.h"

#include "plan_programme_algorithm.h"
#include "service_areas_algorithm.h"

#include <qgsapplication.h>

namespace gf::plugins {

GreenFreightProvider::GreenFreightProvider( QObject *parent )
  : QgsProcessingProvider( parent )
{
}

QString GreenFreightProvider::id() const
{
  return QStringLiteral( "greenfreight" );
}

QString GreenFreightProvider::name() const
{
  return tr( "GreenFreight Planner" );
}

QString GreenFreightProvider::longName() const
{
  return tr( "GreenFreight Planner: green freight distribution facility siting" );
}

QIcon GreenFreightProvider::icon() const
{
  return QgsApplication::getThemeIcon( QStringLiteral( "/processingAlgorithm.svg" ) );
}

void GreenFreightProvider::loadAlgorithms()
{
  addAlgorithm( new PlanProgrammeAlgorithm() );
  addAlgorithm( new ServiceAreasAlgorithm() );
}

} // namespace gf::plugins
