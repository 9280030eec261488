// The stand's settings on the kiosk (DATA/settings.json, docs/settings.md): stand name and device
// id, the idle timeouts, sound, the screen's turn and text size, the form's required fields and
// consent wording, the languages and the retention of leads. Saved atomically; the kiosk applies
// them at once (sound at the next start).
#include <imgui.h>

#include <fmt/format.h>

#include <algorithm>

#include "kiosk/screens/staff/staff_pages.h"
#include "kiosk/screens/widgets.h"

namespace etalase::kiosk {

namespace {

constexpr Field kFields[] = {Field::Name,     Field::Company,     Field::Country,
                             Field::Email,    Field::Phone,       Field::BuyerType,
                             Field::Products, Field::OrderVolume, Field::PreferredLanguage,
                             Field::Message,  Field::Consent};

void label(const ScreenContext& context, const char* text) {
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(text);
  ImGui::SameLine(context.unit * 11.0f);
}

// "-  value  +" with a step, kept within [low, high].
void stepper(const ScreenContext& context, const char* id, int& value, int step, int low, int high, const char* unit) {
  ImGui::PushID(id);
  if (touchButton(context, "-", kTile, context.unit * 2.5f)) value = std::max(low, value - step);
  rememberLastItem(std::string(id) + ".less");
  ImGui::SameLine();
  ImGui::AlignTextToFramePadding();
  ImGui::Text("%d %s", value, unit);
  ImGui::SameLine();
  if (touchButton(context, "+", kTile, context.unit * 2.5f)) value = std::min(high, value + step);
  rememberLastItem(std::string(id) + ".more");
  ImGui::PopID();
}

bool toggle(const ScreenContext& context, const char* id, const char* text, bool on) {
  ImGui::PushID(id);
  const bool pressed = touchButton(context, text, on ? kAccent : kTile);
  rememberLastItem(id);
  ImGui::PopID();
  return pressed;
}

}  // namespace

std::optional<KioskSettings> SettingsPage::draw(const ScreenContext& context, StaffContext& staff, bool& changePin) {
  std::optional<KioskSettings> saved;
  const float height = std::max(context.unit * 4, staff.contentHeight - ImGui::GetCursorScreenPos().y - context.unit * 4);
  ImGui::BeginChild("settings", ImVec2(0, height));
  const float fieldWidth = std::min(ImGui::GetContentRegionAvail().x - context.unit * 11.0f, context.unit * 24.0f);
  label(context, "Stand name");
  staff.text->field(context, "staff.settings.stand", m_draft.standName, "(none)", fieldWidth, 100);
  label(context, "Device id");
  staff.text->field(context, "staff.settings.device", m_draft.deviceId, "(the host name)", fieldWidth, 64);
  label(context, "Visitor idle");
  if (m_draft.visitorIdleSeconds == 0) {
    if (touchButton(context, "as started (--idle-timeout)", kTile)) m_draft.visitorIdleSeconds = 60;
  } else {
    stepper(context, "staff.settings.visitoridle", m_draft.visitorIdleSeconds, 15, 15, 3600, "s");
  }
  label(context, "Staff mode closes");
  stepper(context, "staff.settings.staffidle", m_draft.staffIdleSeconds, 15, 15, 3600, "s without a touch");
  label(context, "Sound");
  if (toggle(context, "staff.settings.sound", m_draft.soundOn ? "On" : "Off", m_draft.soundOn)) m_draft.soundOn = !m_draft.soundOn;
  label(context, "Volume");  // its own row: beside the switch it runs off a portrait screen
  stepper(context, "staff.settings.volume", m_draft.volumePercent, 10, 0, 100, "%");
  label(context, "Screen turned");
  if (toggle(context, "staff.settings.rotation.start", "As started", !m_draft.screenRotation)) m_draft.screenRotation.reset();
  for (int degrees : {0, 90, 180, 270}) {
    const std::string text = std::to_string(degrees);
    flowNextItem(buttonWidth(context, text.c_str()));
    if (toggle(context, ("staff.settings.rotation." + text).c_str(), text.c_str(), m_draft.screenRotation == degrees)) {
      m_draft.screenRotation = degrees;
    }
  }
  label(context, "Text size");
  if (m_draft.uiScalePercent == 0) {
    if (touchButton(context, "as started (--ui-scale)", kTile)) m_draft.uiScalePercent = 100;
    rememberLastItem("staff.settings.uiscale.start");
  } else {
    stepper(context, "staff.settings.uiscale", m_draft.uiScalePercent, 10, 50, 300, "%");
  }
  label(context, "Keep leads");
  stepper(context, "staff.settings.retention", m_draft.retentionDays, 30, 0, 36500,
          m_draft.retentionDays == 0 ? "days (0: until erased)" : "days, then deleted");

  ImGui::Separator();
  ImGui::TextUnformatted("Required on the contact form");
  bool first = true;
  for (Field field : kFields) {
    const bool on = m_draft.requiredFields.count(field) > 0;
    const std::string key = fieldKey(field);
    if (!first) flowNextItem(buttonWidth(context, key.c_str()));
    first = false;
    if (toggle(context, ("staff.settings.required." + key).c_str(), key.c_str(), on)) {
      if (on) m_draft.requiredFields.erase(field);
      else m_draft.requiredFields.insert(field);
    }
  }
  if (toggle(context, "staff.settings.emailorphone",
             m_draft.requireEmailOrPhone ? "Email or phone required: yes" : "Email or phone required: no",
             m_draft.requireEmailOrPhone)) {
    m_draft.requireEmailOrPhone = !m_draft.requireEmailOrPhone;
  }

  const std::vector<std::string> languages = staff.catalog ? staff.catalog->languages : std::vector<std::string>{};
  if (!languages.empty()) {
    ImGui::Separator();
    label(context, "First language");
    for (std::size_t i = 0; i < languages.size(); ++i) {
      if (i > 0) ImGui::SameLine();
      const bool on = m_draft.defaultLanguage == languages[i];
      if (toggle(context, ("staff.settings.default." + languages[i]).c_str(), languages[i].c_str(), on)) {
        m_draft.defaultLanguage = on ? "" : languages[i];
      }
    }
    label(context, "Offered");
    for (std::size_t i = 0; i < languages.size(); ++i) {
      if (i > 0) ImGui::SameLine();
      auto& offered = m_draft.offeredLanguages;
      const bool on = offered.empty() || std::find(offered.begin(), offered.end(), languages[i]) != offered.end();
      if (toggle(context, ("staff.settings.offered." + languages[i]).c_str(), languages[i].c_str(), on)) {
        if (offered.empty()) offered = languages;
        if (on) offered.erase(std::remove(offered.begin(), offered.end(), languages[i]), offered.end());
        else offered.push_back(languages[i]);
        if (offered.empty()) offered.push_back(languages[i]);  // at least one stays
      }
    }
  }

  ImGui::Separator();
  label(context, "Consent wording");
  if (toggle(context, "staff.settings.consent", m_draft.consent ? "The stand's own" : "The pack's", m_draft.consent.has_value())) {
    if (m_draft.consent) m_draft.consent.reset();
    else m_draft.consent = ConsentText{"stand-1", {}};
  }
  if (m_draft.consent) {
    label(context, "Version");
    staff.text->field(context, "staff.settings.consent.version", m_draft.consent->version, "(required)", fieldWidth, 40);
    if (m_consentLanguage.empty()) m_consentLanguage = languages.empty() ? "en" : languages.front();
    label(context, "Text in");
    for (std::size_t i = 0; i < languages.size(); ++i) {
      if (i > 0) ImGui::SameLine();
      if (toggle(context, ("staff.settings.consent.lang." + languages[i]).c_str(), languages[i].c_str(),
                 m_consentLanguage == languages[i])) {
        staff.text->blur();
        m_consentLanguage = languages[i];
      }
    }
    staff.text->field(context, "staff.settings.consent.text", m_draft.consent->text[m_consentLanguage],
                      "(the wording a visitor agrees to)", ImGui::GetContentRegionAvail().x, 2000);
  }
  dragToScroll();
  ImGui::EndChild();

  ImGui::Separator();
  const bool consentOk = !m_draft.consent || (!m_draft.consent->version.empty() && !m_draft.consent->text.empty());
  ImGui::BeginDisabled(!consentOk);
  if (touchButton(context, "Save settings", kAccent, context.unit * 9)) {
    if (m_draft.consent) {
      for (auto it = m_draft.consent->text.begin(); it != m_draft.consent->text.end();) {
        it = it->second.empty() ? m_draft.consent->text.erase(it) : std::next(it);
      }
    }
    if (auto error = saveSettings(staff.dataFolder / "settings.json", m_draft)) {
      m_message = "Not saved: " + error->text();
    } else {
      m_message = "Saved.";
      staff.text->blur();
      saved = m_draft;
    }
  }
  rememberLastItem("staff.settings.save");
  ImGui::EndDisabled();
  ImGui::SameLine();
  if (touchButton(context, "Change the staff PIN", kTile)) changePin = true;
  rememberLastItem("staff.settings.pin");
  if (!m_message.empty()) {
    ImGui::SameLine();
    ImGui::TextWrapped("%s", m_message.c_str());
  }
  return saved;
}

}  // namespace etalase::kiosk
