// Staff mode's screen, once the PIN is given: tabs for the leads, the dashboard, the export, the
// settings and the content pack, and the ways out (back to visitors; quitting the kiosk, which a
// board's service starts again). Opens its own LeadStore while open and drops it, with every
// lead it showed, when staff mode closes. UI thread only.
#pragma once

#include <chrono>
#include <filesystem>
#include <optional>
#include <set>
#include <string>

#include "kiosk/screens/staff/staff_pages.h"

namespace etalase::kiosk {

struct StaffAction {
  bool leave = false;
  bool quit = false;
  bool changePin = false;
  bool rollbackPack = false;
  std::optional<KioskSettings> settingsSaved;
  // Characters on the page that the font atlas lacks (a lead's name in Cyrillic, Chinese...):
  // the app adds them to the atlas after this frame.
  std::string missingGlyphs;
};

class StaffScreen {
 public:
  using Clock = std::chrono::steady_clock;
  enum class Tab { Leads, Dashboard, Export, Settings, Pack };

  explicit StaffScreen(std::filesystem::path dataFolder) : m_dataFolder(std::move(dataFolder)) {}

  void open(const Catalog* catalog, const KioskSettings& settings, std::string deviceId);
  void close();
  bool isOpen() const { return m_open; }
  // The catalog shown now (a pack switch replaces it while staff mode is open).
  void setCatalog(const Catalog* catalog) { m_catalog = catalog; }
  StaffAction draw(const ScreenContext& context, const std::vector<platform::Volume>& volumes,
                   const std::string& packShown, Clock::time_point now);
  std::optional<Clock::time_point> nextWake(Clock::time_point now) const;
  // Something on screen moves by itself (an export's progress): draw every wake.
  bool animating() const { return m_open && m_export.busy(); }
  StaffTextInput& text() { return m_text; }
  // A lead was saved, or a stick came or went: the pages read again.
  void refresh();

 private:
  void show(Tab tab);
  void openStore();
  StaffContext staffContext(const ScreenContext& context, const std::vector<platform::Volume>& volumes,
                            Clock::time_point now);

  std::filesystem::path m_dataFolder;
  std::shared_ptr<platform::StickWriteAccess> m_stickAccess = std::make_shared<platform::StickHelperClient>();
  bool m_open = false;
  Tab m_tab = Tab::Leads;
  const Catalog* m_catalog = nullptr;
  std::string m_deviceId;
  std::string m_standName;
  std::optional<leads::LeadStore> m_store;
  std::string m_storeError;
  StaffTextInput m_text;
  LeadsPage m_leads;
  DashboardPage m_dashboard;
  ExportPage m_export;
  SettingsPage m_settings;
  std::set<unsigned int> m_glyphsAsked;  // asked for once each, even where no font has them
  bool m_confirmQuit = false;
  bool m_needsRefresh = true;
};

}  // namespace etalase::kiosk
