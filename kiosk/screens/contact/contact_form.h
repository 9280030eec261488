// The buyer contact form while it is open: owns the draft lead, the on-screen keyboard and its
// buffer, the save in progress and the thank-you code. contact_form_view.cpp draws it.
// Submit, cancel and clear() wipe every field and the keyboard's buffer. UI thread only.
#pragma once

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/catalog/catalog.h"
#include "kiosk/leads/card_parser.h"
#include "kiosk/leads/field_validation.h"
#include "kiosk/leads/store_saver.h"
#include "kiosk/locale/countries.h"
#include "kiosk/screens/contact_code.h"
#include "kiosk/screens/keyboard/keyboard_model.h"
#include "kiosk/screens/keyboard/on_screen_keyboard.h"
#include "kiosk/screens/screen_context.h"
#include "kiosk/settings/kiosk_settings.h"

namespace etalase::kiosk {

struct FormAction {
  bool close = false;  // cancelled, or done on the thank-you screen: back where the visitor came from
  bool scanBadge = false;  // the visitor wants to scan their badge with the camera
};

// The keys of a physical keyboard the form acts on (text itself comes as typed text).
enum class FormKey { Tab, ShiftTab, Enter, Backspace };
// What a key press means to the form, if anything.
std::optional<FormKey> formKeyOf(const SDL_Keysym& key);

struct FormSettings {
  FormRules rules;
  std::string deviceId;
  // The stand's consent wording from the settings file: shown instead of the pack's.
  std::optional<ConsentText> consent;
  std::string defaultConsentVersion = "etalase-default-1";  // neither settings nor pack have one
  bool badgeCamera = false;  // the kiosk has a camera to scan badges with
};

// What the stand's settings ask of the form; the device id falls back to the host name.
FormSettings formSettingsFor(const KioskSettings& settings, bool badgeCamera);

class ContactForm {
 public:
  using Clock = std::chrono::steady_clock;

  ContactForm(leads::LeadSaver* saver, FormSettings settings);
  // New rules from the staff settings screen; they apply from the next form opened.
  void setSettings(FormSettings settings) { m_settings = std::move(settings); }

  // Opens an empty form about `producerId` (may be empty: the whole stand), with the products the
  // visitor looked at during this visit ticked.
  void open(const Catalog& catalog, const std::string& language, const std::string& producerId,
            const std::vector<std::string>& viewedProductIds);
  bool isOpen() const { return m_catalog != nullptr; }
  // Whom the open form is about (empty: the whole stand).
  const std::string& producerId() const { return m_producerId; }
  // A scanned badge: fills the fields for the visitor to check (the raw text is kept with the lead).
  void applyCard(const ScannedCard& card, const std::string& rawText, const char* source);
  void cardRefused();
  // Typing on a physical keyboard (or a scan handed back as typing).
  void typeText(const std::string& utf8);
  void eraseCharacters(std::size_t count);
  void key(FormKey key);

  FormAction draw(const ScreenContext& context, Clock::time_point now);

  // The idle warning: shown by the app before it resets the form; true while it is up.
  void warnIdle(Clock::time_point resetAt) { m_idleResetAt = resetAt; }
  bool idleWarningShown() const { return m_idleResetAt.has_value(); }
  void dismissIdleWarning() { m_idleResetAt.reset(); }
  // The language the visitor reads the form in (they may switch it on the form).
  const std::string& language() const { return m_language; }
  // The visitor pressed "Continue" on the idle warning since the last call.
  bool takeContinue() { return std::exchange(m_continued, false); }

  // Forgets everything the visitor entered (fields, keyboard buffer, scanned text) and closes.
  void clear();
  // When a held key's long press or a save's end needs a frame without any input.
  std::optional<Clock::time_point> nextWake(Clock::time_point now) const;
  bool saved() const { return m_stage == Stage::Thanks; }
  // A submitted lead is being written and has not returned yet.
  bool saving() const { return m_stage == Stage::Saving; }
  // Something on the form changes without input (a countdown, a save, a key held down): the app
  // draws it at every wake.
  bool animating() const { return m_idleResetAt.has_value() || m_stage == Stage::Saving || m_keyboard.nextWake().has_value(); }

 private:
  enum class Stage { Editing, Saving, Thanks };
  // The fields a visitor types into, in the order Tab and the keyboard's Next walk them.
  static constexpr Field kTextFields[] = {Field::Name,  Field::Company,     Field::Country, Field::Email,
                                          Field::Phone, Field::OrderVolume, Field::Message};

  void focus(std::optional<Field> field);
  void focusNext(int direction);
  // What the visitor typed into a text field (the country field holds its search text).
  std::string* textOf(Field field);
  void syncFromKeyboard();
  void updateCountryMatches();
  void submit();
  leads::Lead leadFrom(const ContactDraft& draft) const;
  // The producer's code for the thank-you screen, its chat opened with a message naming what the
  // visitor asked about and the stand.
  ContactCode thanksCode() const;
  // The consent wording in force: the settings', else the pack's; nullptr: the kiosk's own.
  const ConsentText* consent() const;
  std::string consentText() const;
  // The language the consent text was shown in: the visitor's, where the pack has it.
  std::string consentLanguage() const;
  void pollSave();
  // Forgets the visitor's entries, the keyboard's buffer and the scanned card; the form stays open.
  void wipeEntries();
  bool scanned() const { return m_source != leads::kSourceTyped && !m_cardRefused; }

  // Drawing (contact_form_view.cpp).
  void drawEditing(const ScreenContext& context, Clock::time_point now, FormAction& action);
  void drawTextField(const ScreenContext& context, Field field);
  void drawCountryChoices(const ScreenContext& context);
  void drawChoices(const ScreenContext& context);
  void drawConsent(const ScreenContext& context);
  // The height of the consent line and the buttons under the fields.
  float footerHeight(const ScreenContext& context) const;
  void drawThanks(const ScreenContext& context, FormAction& action);
  void drawIdleWarning(const ScreenContext& context, Clock::time_point now);
  void problemLine(Field field);

  leads::LeadSaver* m_saver;
  FormSettings m_settings;
  const Catalog* m_catalog = nullptr;
  std::string m_language;
  std::string m_producerId;

  ContactDraft m_draft;
  std::string m_countryQuery;  // what the visitor typed in the country field
  std::vector<CountryEntry> m_countryMatches;  // for m_countryQuery, found when it changes
  std::string m_rawCard;
  std::string m_source = leads::kSourceTyped;
  std::map<Field, FieldProblem> m_problems;
  bool m_cardRefused = false;

  KeyboardModel m_keyboardModel;
  OnScreenKeyboard m_keyboard;
  std::optional<Field> m_focused;
  bool m_scrollToFocus = false;

  Stage m_stage = Stage::Editing;
  leads::SaveTicket m_ticket = 0;
  ContactCode m_thanksCode;

  std::optional<Clock::time_point> m_idleResetAt;
  bool m_continued = false;
};

}  // namespace etalase::kiosk
