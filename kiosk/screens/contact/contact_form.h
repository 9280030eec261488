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
#include "kiosk/screens/contact_code.h"
#include "kiosk/screens/keyboard/keyboard_model.h"
#include "kiosk/screens/keyboard/on_screen_keyboard.h"
#include "kiosk/screens/screen_context.h"

namespace etalase::kiosk {

struct FormAction {
  bool close = false;  // cancelled, or done on the thank-you screen: back where the visitor came from
};

// The keys of a physical keyboard the form acts on (text itself comes as typed text).
enum class FormKey { Tab, ShiftTab, Enter, Backspace, Space };

struct FormSettings {
  FormRules rules;
  std::string deviceId;
  std::string consentVersion = "etalase-default-1";  // when the pack brings no consent text
};

class ContactForm {
 public:
  using Clock = std::chrono::steady_clock;

  ContactForm(leads::LeadSaver* saver, FormSettings settings);

  // Opens an empty form about `producerId` (may be empty: the whole stand), with the products the
  // visitor looked at during this visit ticked.
  void open(const Catalog& catalog, const std::string& language, const std::string& producerId,
            const std::vector<std::string>& viewedProductIds);
  bool isOpen() const { return m_catalog != nullptr; }
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
  // Something on the form changes without input (a countdown, a save, a key held down): the app
  // draws it at every wake.
  bool animating() const { return m_idleResetAt.has_value() || m_stage == Stage::Saving || m_keyboard.nextWake().has_value(); }

 private:
  enum class Stage { Editing, Saving, Thanks };
  enum class TextField { Name, Company, Country, Email, Phone, OrderVolume, Message, None };

  static Field kindOf(TextField field);
  void focus(TextField field);
  void focusNext(int direction);
  std::string* fieldText(TextField field);
  void syncFromKeyboard();
  void submit();
  leads::Lead leadFrom(const ContactDraft& draft) const;
  void pollSave();

  // Drawing (contact_form_view.cpp).
  void drawEditing(const ScreenContext& context, Clock::time_point now, FormAction& action);
  void drawTextField(const ScreenContext& context, TextField field, Field kind, const char* label, bool required);
  void drawCountryChoices(const ScreenContext& context);
  void drawChoices(const ScreenContext& context);
  void drawConsent(const ScreenContext& context);
  std::string consentText() const;
  void drawThanks(const ScreenContext& context, FormAction& action);
  void drawIdleWarning(const ScreenContext& context, Clock::time_point now);
  void problemLine(Field kind);

  leads::LeadSaver* m_saver;
  FormSettings m_settings;
  const Catalog* m_catalog = nullptr;
  std::string m_language;
  std::string m_producerId;

  ContactDraft m_draft;
  std::string m_countryQuery;  // what the visitor typed in the country field
  std::string m_rawCard;
  std::string m_source = leads::kSourceTyped;
  std::map<Field, FieldProblem> m_problems;
  bool m_scanned = false;       // fields came from a badge: ask the visitor to check them
  bool m_cardRefused = false;
  bool m_consentShown = false;  // the consent text in this language, for the lead
  std::string m_consentLanguage;

  KeyboardModel m_keyboardModel;
  OnScreenKeyboard m_keyboard;
  TextField m_focused = TextField::None;
  bool m_scrollToFocus = false;

  Stage m_stage = Stage::Editing;
  leads::SaveTicket m_ticket = 0;
  Clock::time_point m_savingSince{};
  ContactCode m_thanksCode;

  std::optional<Clock::time_point> m_idleResetAt;
  bool m_continued = false;
};

}  // namespace etalase::kiosk
