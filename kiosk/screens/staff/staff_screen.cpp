#include "kiosk/screens/staff/staff_screen.h"

#include <imgui.h>
#include <imgui_internal.h>

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

void appendUtf8(std::string& out, unsigned int c) {
  if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
  }
  out += static_cast<char>(0x80 | (c & 0x3F));
}

// The characters of `text` the current font lacks and that were not asked for before.
std::string missingGlyphs(const std::string& text, std::set<unsigned int>& asked) {
  std::string missing;
  ImFont* font = ImGui::GetFont();
  const char* at = text.data();
  const char* end = at + text.size();
  while (at < end) {
    unsigned int c = 0;
    at += std::max(1, ImTextCharFromUtf8(&c, at, end));
    if (c < 0x80 || c == IM_UNICODE_CODEPOINT_INVALID || c > IM_UNICODE_CODEPOINT_MAX || font->FindGlyphNoFallback(static_cast<ImWchar>(c))) continue;
    if (asked.insert(c).second) appendUtf8(missing, c);
  }
  return missing;
}

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
  m_standName = settings.standName;
  m_settings.open(settings);
  m_needsRefresh = true;
  openStore();
}

void StaffScreen::openStore() {
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
  staff.standName = m_standName;
  staff.volumes = &volumes;
  staff.stickAccess = m_stickAccess;
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
    // The first lead may have been saved since staff mode opened.
    if (!m_store && m_tab != Tab::Settings && m_tab != Tab::Pack) openStore();
    staff.store = m_store ? &*m_store : nullptr;
    if (m_tab == Tab::Leads) m_leads.refresh(staff);
    if (m_tab == Tab::Dashboard) m_dashboard.refresh(staff);
    if (m_tab == Tab::Export) m_export.refresh(staff);
  }
  beginFullScreenWindow("staff", false);
  // The tab bar, and the way out at the right.
  for (const TabInfo& info : kTabs) {
    if (info.tab != Tab::Leads) flowNextItem(std::max(context.unit * 6.0f, buttonWidth(context, info.label)));
    if (touchButton(context, info.label, m_tab == info.tab ? kAccent : kTile, context.unit * 6.0f)) show(info.tab);
    rememberLastItem(info.control);
  }
  // At the right of the tabs' line, or under the tabs on a narrow (portrait) screen.
  const float leaveWidth = std::max(context.unit * 9.5f, buttonWidth(context, "Leave staff mode"));
  const float leaveX = ImGui::GetWindowWidth() - leaveWidth - ImGui::GetStyle().WindowPadding.x;
  if (ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x <= ImGui::GetWindowPos().x + leaveX) ImGui::SameLine(leaveX);
  action.leave = touchButton(context, "Leave staff mode", kAccent, leaveWidth);
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
  if (m_tab == Tab::Leads) action.missingGlyphs = missingGlyphs(m_leads.shownText(), m_glyphsAsked);
  if (action.settingsSaved) {
    m_standName = action.settingsSaved->standName;
    m_needsRefresh = true;
  }
  return action;
}

std::optional<StaffScreen::Clock::time_point> StaffScreen::nextWake(Clock::time_point now) const {
  std::optional<Clock::time_point> wake = m_text.nextWake();
  if (m_export.busy()) {
    const auto soon = now + std::chrono::milliseconds(100);  // the progress bar moves
    wake = wake ? std::min(*wake, soon) : soon;
  }
  return wake;
}

}  // namespace etalase::kiosk
