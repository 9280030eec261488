// The pages of staff mode, each owning what it shows: the lead list and a lead's detail, the
// dashboard, the export, the settings. They read and write the lead store through the staff
// screen's own LeadStore (the kiosk's saver thread keeps its own). Staff-facing: English.
#pragma once

#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/catalog/catalog.h"
#include "kiosk/leads/lead_stats.h"
#include "kiosk/leads/lead_store.h"
#include "kiosk/screens/screen_context.h"
#include "kiosk/screens/staff/export_runner.h"
#include "kiosk/screens/staff/staff_text_input.h"
#include "kiosk/settings/kiosk_settings.h"
#include "platform/removable_media.h"
#include "platform/stick_write_access.h"

namespace etalase::kiosk {

// What the pages share while staff mode is open.
struct StaffContext {
  leads::LeadStore* store = nullptr;  // null when the lead database could not be opened
  const Catalog* catalog = nullptr;
  StaffTextInput* text = nullptr;
  std::filesystem::path dataFolder;
  std::string deviceId;
  std::string standName;  // the stand's settings, for the exports' header
  const std::vector<platform::Volume>* volumes = nullptr;  // USB sticks in now
  std::shared_ptr<platform::StickWriteAccess> stickAccess;   // makes a read-only stick writable
  std::chrono::steady_clock::time_point now;
  float contentHeight = 0;  // what is left above the keyboard, px
};

// A product's name for staff (the pack's default language), or its id.
std::string productName(const Catalog* catalog, const std::string& productId);

class LeadsPage {
 public:
  void refresh(StaffContext& staff);
  void draw(const ScreenContext& context, StaffContext& staff);
  // Forgets every lead shown and every draft (staff mode closing): nothing stays for a visitor.
  void clear();
  bool detailOpen() const { return m_detail.has_value(); }
  // Every text this page shows of the leads (for the font atlas).
  std::string shownText() const;

 private:
  enum class Confirm { None, DeleteOne, EraseAll };
  void drawFilters(const ScreenContext& context, StaffContext& staff);
  void drawList(const ScreenContext& context, StaffContext& staff);
  void drawDetail(const ScreenContext& context, StaffContext& staff);
  void drawConfirm(const ScreenContext& context, StaffContext& staff);
  void openDetail(const leads::Lead& lead);
  leads::LeadListQuery query() const;

  std::string m_search;
  int m_day = 0;  // 0 every day, 1 today, 2 yesterday
  std::string m_product;
  int m_rating = 0;  // 0 any, 1 hot, 2 warm, 3 cold, 4 not rated
  bool m_followUpOnly = false;
  std::size_t m_limit = 30;
  std::vector<leads::Lead> m_rows;
  std::int64_t m_matching = 0;
  std::int64_t m_all = 0;
  std::optional<leads::Lead> m_detail;
  std::string m_draftRating, m_draftNotes;
  bool m_draftFollowUp = false;
  Confirm m_confirm = Confirm::None;
  std::string m_status;  // the last action's outcome, or an error
};

class DashboardPage {
 public:
  void refresh(StaffContext& staff);
  void draw(const ScreenContext& context, StaffContext& staff);

 private:
  leads::LeadStats m_stats;
  leads::CounterSummary m_counters;
  std::string m_error;
};

class ExportPage {
 public:
  void refresh(StaffContext& staff);
  void draw(const ScreenContext& context, StaffContext& staff);
  bool running() const { return m_runner.running(); }
  // Running, or finished and its outcome not drawn yet: the screen must draw again.
  bool busy() const { return m_runner.running() || m_wasRunning; }
  void cancel() { m_runner.cancel(); }

 private:
  void start(StaffContext& staff);

  ExportRunner m_runner;
  exporting::ExportFormat m_format = exporting::ExportFormat::Xlsx;
  bool m_onlyNew = true;
  bool m_byteOrderMark = true;
  std::size_t m_destination = 0;  // index into the sticks, then the kiosk's own folder
  std::int64_t m_notExported = 0, m_all = 0;
  std::vector<leads::ExportLogEntry> m_log;
  bool m_wasRunning = false;
  std::string m_error;
};

class SettingsPage {
 public:
  void open(const KioskSettings& settings) { m_draft = settings; m_message.clear(); }
  // The settings staff saved this frame, written to the file already.
  std::optional<KioskSettings> draw(const ScreenContext& context, StaffContext& staff, bool& changePin);

 private:
  KioskSettings m_draft;
  std::string m_message;
  std::string m_consentLanguage;
};

}  // namespace etalase::kiosk
