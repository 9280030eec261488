// App's part in staff mode and the stand's settings: entering and leaving staff mode, and
// applying what staff saved (kept apart from app.cpp, the loop and the input routing).
#include <algorithm>

#include "app.h"
#include "media/log.h"

namespace etalase::kiosk {

void App::applyStaffEvent(const StaffModeEvent& event, Clock::time_point now) {
  if (event.opened) {
    log::info("staff mode: open");
    enterScreen(ScreenId::Staff, now);
  }
  const StaffAction& action = event.action;
  if (action.settingsSaved) {
    log::info("settings: saved by staff");
    applySettings(*action.settingsSaved);
  }
  if (action.rollbackPack) rollbackPack(now);
  if (!action.missingGlyphs.empty()) {
    m_extraGlyphs += action.missingGlyphs;
    m_rebuildUiPending = true;
  }
  if (action.quit) {
    log::info("staff mode: the kiosk was asked to quit");
    m_quit = true;
  }
  // Leaving, or closing after the staff idle time: the next person sees the videos, never a lead.
  if (event.closed && m_navigation.screen() == ScreenId::Staff) enterScreen(ScreenId::Attract, now);
  if (event.opened || event.closed || action.settingsSaved) m_needsRender = true;
}

void App::applySettings(const KioskSettings& settings) {
  m_settings = settings;
  m_form->setSettings(formSettingsFor(settings, !m_camera.empty()));
  const double idle = settings.visitorIdleSeconds > 0 ? settings.visitorIdleSeconds : m_options.idleTimeoutSeconds;
  m_navigation.setIdleTimeout(std::chrono::milliseconds(static_cast<long>(idle * 1000)));
  m_staff->settingsChanged(settings);
  m_output.setSound(settings.soundOn, settings.volumePercent);
  applyLanguageSettings();
  // Between frames (staff events come after the present): the next frame is drawn turned, with
  // fonts and buttons sized for the new shape.
  const bool turned = screenRotation() != m_display.rotation();
  m_display.setRotation(screenRotation());
  if (m_ui && (turned || uiScale() != m_builtUiScale)) {
    log::info("display: turned {} degrees, UI scale {:.2f}", m_display.rotation(), uiScale());
    m_rebuildUiPending = true;
    m_needsRender = true;
  }
}

int App::screenRotation() const { return m_settings.screenRotation.value_or(m_options.display.rotation); }

double App::uiScale() const {
  return m_settings.uiScalePercent > 0 ? m_settings.uiScalePercent / 100.0 : m_options.uiScale;
}

void App::applyLanguageSettings() {
  if (!m_catalog) return;
  // The languages offered are the pack's that the settings keep, in the pack's order; at least one.
  std::vector<std::string> offered;
  for (const std::string& language : m_packLanguages) {
    const auto& wanted = m_settings.offeredLanguages;
    if (wanted.empty() || std::find(wanted.begin(), wanted.end(), language) != wanted.end()) offered.push_back(language);
  }
  if (offered.empty()) offered = m_packLanguages;
  m_catalog->languages = offered;
  const std::string& wanted = m_settings.defaultLanguage;
  m_catalog->defaultLanguage = std::find(offered.begin(), offered.end(), wanted) != offered.end() ? wanted
                               : std::find(offered.begin(), offered.end(), m_packDefaultLanguage) != offered.end()
                                   ? m_packDefaultLanguage
                                   : offered.front();
  if (m_navigation.screen() == ScreenId::Attract && m_options.language.empty()) m_language = m_catalog->defaultLanguage;
}

}  // namespace etalase::kiosk
