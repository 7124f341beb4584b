#pragma once
// Replaces a file atomically: the new content is produced in a temporary file in the target
// folder, which is renamed over the target only when complete. Readers never see a
// half-written file, and a failure leaves any previous file untouched.
// Shared by the GeoPackage writers and the PDF report.
#include "gis/common/gis_error.h"

#include <QString>
#include <functional>

namespace gf::gis {

class AtomicFile
{
  public:
    //! Writes the complete content to \a temporaryPath (same suffix as the target).
    using Producer = std::function<GisError( const QString &temporaryPath )>;

    /**
     * Creates the target folder when needed, runs \a produce on a temporary path beside
     * \a path and renames the result to \a path on success. On any failure the temporary
     * file is removed, \a path is left as it was and the error names \a path. A target
     * that exists but is read-only is refused with WriteFailed.
     */
    static GisError replace( const QString &path, const Producer &produce );
};

} // namespace gf::gis
