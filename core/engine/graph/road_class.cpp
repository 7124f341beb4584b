#include "engine/graph/road_class.h"

namespace gf {

double defaultSpeedKmh( RoadClass roadClass )
{
  // Typical free-flow speeds of Chinese urban road classes (CJJ 37 design speeds, lower end).
  switch ( roadClass )
  {
    case RoadClass::Expressway:
      return 80.0;
    case RoadClass::Arterial:
      return 50.0;
    case RoadClass::Collector:
      return 40.0;
    case RoadClass::Branch:
      return 30.0;
    case RoadClass::Service:
      return 20.0;
    case RoadClass::Track:
      return 15.0;
  }
  return 30.0;
}

} // namespace gf
