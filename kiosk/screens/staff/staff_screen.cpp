#include "kiosk/screens/staff/staff_screen.h"

#include <imgui.h>

#include "kiosk/screens/widgets.h"

namespace etalase::kiosk {

namespace {

struct TabInfo {
  StaffScreen::Tab tab;
  const char* label;
  const char* control;
};
constexpr TabInfo kTabs[] = {
    {StaffScreen::Tab::Leads, "Leads", "staff.tab.leads"},
    {StaffScreen::Tab::Dashboard, "Dashboard", "staff.tab.dashboard"},
    {StaffScreen::Tab::Export, "Export", "staff.tab.export"},
    {StaffScreen::Tab::Settings, "Settings", "staff.tab.settings"},
    {StaffScreen::Tab::Pack, "Pack", "staff.tab.pack"},
};

}  // namespace

std::string productName(const Catalog* catalog, const std::string& productId) {
  if (catalog) {
    for (const Product& product : catalog->products) {
      if (product.id == productId) return localized(product.name, catalog->defaultLanguage, catalog->defaultLanguage);
    }
  }
  return productId;
}

void StaffScreen::open(const Catalog* catalog, const KioskSettings& settings, std::string deviceId) {
  m_open = true;
  m_catalog = catalog;
  m_deviceId = std::move(deviceId);
  m_tab = Tab::Leads;
  m_confirmQuit = false;
  leads::StoreOptions options;
  options.create = false;  // the kiosk's saver makes it; staff only look
  auto store = leads::LeadStore::open(m_dataFolder / "leads.db", options);
  if (store) {
    m_store.emplace(std::move(store.value()));
    m_storeError.clear();
  } else {
    m_store.reset();
    m_storeError = "No leads yet, or the lead database cannot be read: " + store.error().text();
  }
  m_settings.open(settings);
  m_needsRefresh = true;
}

void StaffScreen::close() {
  m_text.blur();
  m_leads.clear();
  m_export.cancel();
  m_store.reset();
  m_open = false;
}

void StaffScreen::refresh() { m_needsRefresh = true; }

void StaffScreen::show(Tab tab) {
  m_text.blur();
  m_tab = tab;
  m_needsRefresh = true;
}

StaffContext StaffScreen::staffContext(const ScreenContext& context, const std::vector<platform::Volume>& volumes,
                                       Clock::time_point now) {
  StaffContext staff;
  staff.store = m_store ? &*m_store : nullptr;
  staff.catalog = m_catalog;
  staff.text = &m_text;
  staff.dataFolder = m_dataFolder;
  staff.deviceId = m_deviceId;
  staff.volumes = &volumes;
  staff.now = now;
  staff.contentHeight = static_cast<float>(context.screenSize.y) - m_text.keyboardHeight(context);
  return staff;
}

StaffAction StaffScreen::draw(const ScreenContext& context, const std::vector<platform::Volume>& volumes,
                              const std::string& packShown, Clock::time_point now) {
  StaffAction action;
  m_text.beginFrame();
  StaffContext staff = staffContext(context, volumes, now);
  if (m_needsRefresh) {
    m_needsRefresh = false;
    if (!m_store && m_tab != Tab::Settings && m_tab != Tab::Pack) open(m_catalog, KioskSettings{}, m_deviceId);
    staff.store = m_store ? &*m_store : nullptr;
    if (m_tab == Tab::Leads) m_leads.refresh(staff);
    if (m_tab == Tab::Dashboard) m_dashboard.refresh(staff);
    if (m_tab == Tab::Export) m_export.refresh(staff);
  }
  beginFullScreenWindow("staff", false);
  // The tab bar, and the way out at the right.
  for (const TabInfo& info : kTabs) {
    if (info.tab != Tab::Leads) ImGui::SameLine();
    if (touchButton(context, info.label, m_tab == info.tab ? kAccent : kTile, context.unit * 6.0f)) show(info.tab);
    rememberLastItem(info.control);
  }
  ImGui::SameLine(ImGui::GetWindowWidth() - context.unit * 9.5f - ImGui::GetStyle().WindowPadding.x);
  action.leave = touchButton(context, "Leave staff mode", kAccent, context.unit * 9.5f);
  rememberLastItem("staff.leave");
  ImGui::Separator();
  if (!m_storeError.empty() && m_tab != Tab::Settings && m_tab != Tab::Pack) {
    ImGui::TextWrapped("%s", m_storeError.c_str());
  }
  switch (m_tab) {
    case Tab::Leads: m_leads.draw(context, staff); break;
    case Tab::Dashboard: m_dashboard.draw(context, staff); break;
    case Tab::Export: m_export.draw(context, staff); break;
    case Tab::Settings:
      action.settingsSaved = m_settings.draw(context, staff, action.changePin);
      break;
    case Tab::Pack: {
      ImGui::TextWrapped("Showing the pack in %s", packShown.empty() ? "(none)" : packShown.c_str());
      ImGui::Spacing();
      ImGui::TextWrapped("To install a new pack, insert a USB stick holding it while staff mode is open: "
                         "the kiosk offers it, checks every file and switches only when all is well.");
      ImGui::Spacing();
      action.rollbackPack = touchButton(context, "Go back to the previous pack", kTile);
      ImGui::Spacing();
      ImGui::Separator();
      if (!m_confirmQuit) {
        m_confirmQuit = touchButton(context, "Quit the kiosk...", kTile);
        rememberLastItem("staff.quit");
      } else {
        ImGui::TextWrapped("Quit? On a stand the kiosk's service starts it again within seconds (a restart).");
        action.quit = touchButton(context, "Quit now", kAccent);
        rememberLastItem("staff.quit.confirm");
        ImGui::SameLine();
        if (touchButton(context, "Keep running", kTile)) m_confirmQuit = false;
      }
      break;
    }
  }
  endFullScreenWindow();
  m_text.drawKeyboard(context, now);
  if (action.settingsSaved) m_needsRefresh = true;
  return action;
}

std::optional<StaffScreen::Clock::time_point> StaffScreen::nextWake(Clock::time_point now) const {
  std::optional<Clock::time_point> wake = m_text.nextWake();
  if (m_export.running()) {
    const auto soon = now + std::chrono::milliseconds(100);  // the progress bar moves
    wake = wake ? std::min(*wake, soon) : soon;
  }
  return wake;
}

}  // namespace etalase::kiosk
