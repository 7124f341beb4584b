#pragma once
// The QGIS Desktop plugin: registers the GreenFreight Processing provider, and the catalogue
// of its texts for QGIS's language, while loaded.
#include <qgisplugin.h>

#include <QTranslator>
#include <memory>

namespace gf::plugins {

class GreenFreightProvider;

class GreenFreightPlugin : public QgisPlugin
{
  public:
    GreenFreightPlugin();

    void initGui() override;
    void unload() override;

  private:
    GreenFreightProvider *mProvider = nullptr;  //!< owned by the processing registry while registered
    std::unique_ptr<QTranslator> mTranslator;   //!< installed while loaded; null without a catalogue
};

} // namespace gf::plugins
