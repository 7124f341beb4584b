#pragma once
// Where the GUI finds its bundled data. The build tree mirrors the installed layout relative
// to bin/ (../share/greenfreight/...), with the source tree as a fallback for the sample.
#include <QString>

namespace gf::app {

class AppPaths
{
  public:
    //! The bundled demo district, or an empty string when it cannot be found.
    static QString sampleProject();

    //! Folder of the compiled greenfreight_<locale>.qm catalogues.
    static QString translationsDirectory();

    /**
     * Writable folder for the plans of a project: `<project dir>/out` for the user's own
     * projects when it can be created, otherwise a folder under AppLocalDataLocation (always
     * for the bundled sample, so that runs never write into the source or install tree).
     */
    static QString defaultOutputDirectory( const QString &projectPath );
};

} // namespace gf::app
