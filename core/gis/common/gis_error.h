#pragma once
// Errors of the QGIS side: what went wrong and where (file, layer, field, row), so that a
// message can tell the analyst exactly what to fix.
#include "engine/common/status.h"

#include <QString>

namespace gf::gis {

enum class GisErrorCode
{
  Ok,
  FileNotFound,
  FileUnreadable,
  LayerMissing,
  LayerInvalid,
  WrongGeometryType,
  MissingCrs,
  GeographicCrs,        //!< analysis needs a metric CRS
  FieldMissing,
  InvalidValue,
  EmptyLayer,
  WriteFailed,
  Engine,               //!< an engine ErrorCode, in engineError
};

struct GisError
{
  GisErrorCode code = GisErrorCode::Ok;
  QString file;
  QString layer;
  QString field;
  qint64 row = -1;            //!< feature id, -1 when not about one feature
  QString value;              //!< offending value or detail
  QString expected;           //!< what was expected instead, when known
  gf::Error engineError;

  bool isError() const { return code != GisErrorCode::Ok; }
};

//! A translated, complete sentence naming what is wrong and what to do.
QString describeError( const GisError &error );

//! Translated text of an engine error code.
QString describeEngineError( const gf::Error &error );

} // namespace gf::gis
