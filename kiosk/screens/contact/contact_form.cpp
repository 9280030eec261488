// The contact form's state: fields, focus, the keyboard's buffer, submitting and wiping.
#include "kiosk/screens/contact/contact_form.h"

#include <algorithm>

#include "kiosk/device.h"
#include "kiosk/leads/wipe.h"
#include "kiosk/screens/contact/form_text.h"
#include "media/log.h"

namespace etalase::kiosk {

using leads::wipe;

namespace {

// How the keyboard serves each text field: its page and the field's limit in characters.
struct FieldKeyboard {
  Layout layout = Layout::Letters;
  std::size_t maxChars = kMaxNameChars;
};

FieldKeyboard keyboardFor(Field field) {
  switch (field) {
    case Field::Email: return {Layout::Email, kMaxEmailChars};
    case Field::Phone: return {Layout::Phone, kMaxPhoneChars};
    case Field::Company: return {Layout::Letters, kMaxCompanyChars};
    case Field::OrderVolume: return {Layout::Letters, kMaxOrderVolumeChars};
    case Field::Message: return {Layout::Letters, kMaxMessageChars};
    default: return {};
  }
}

}  // namespace

ContactForm::ContactForm(leads::LeadSaver* saver, FormSettings settings)
    : m_saver(saver), m_settings(std::move(settings)) {}

void ContactForm::open(const Catalog& catalog, const std::string& language, const std::string& producerId,
                       const std::vector<std::string>& viewedProductIds) {
  clear();
  m_catalog = &catalog;
  m_language = language;
  m_producerId = producerId;
  // Every product the visitor opened is ticked, whoever makes it: none of them is hidden.
  m_draft.productIds = viewedProductIds;
  m_draft.preferredLanguage = language;
  if (m_saver) m_saver->countEvent(leads::EventKind::FormOpened, "");
  focus(Field::Name);
}

void ContactForm::applyCard(const ScannedCard& card, const std::string& rawText, const char* source) {
  fillFromCard(m_draft, card);
  if (!m_draft.countryCode.empty()) m_countryQuery = countryName(m_draft.countryCode, m_language);
  wipe(m_rawCard);
  m_rawCard = rawText;
  m_source = source;
  m_cardRefused = false;
  m_problems.clear();
  if (m_saver) {
    m_saver->countEvent(m_source == leads::kSourceScannedCamera ? leads::EventKind::ScanCamera
                                                                 : leads::EventKind::ScanKeyboard, "");
  }
  // The keyboard goes: the filled fields, the consent and Send are in view to check; a tap on a
  // field brings it back with that field's text.
  focus(std::nullopt);
}

void ContactForm::cardRefused() { m_cardRefused = true; }

FormSettings formSettingsFor(const KioskSettings& settings, bool badgeCamera) {
  FormSettings form;
  form.rules = formRules(settings);
  form.deviceId = settings.deviceId.empty() ? hostDeviceId() : settings.deviceId;
  form.consent = settings.consent;
  form.badgeCamera = badgeCamera;
  return form;
}

std::optional<FormKey> formKeyOf(const SDL_Keysym& key) {
  switch (key.sym) {
    case SDLK_RETURN:
    case SDLK_KP_ENTER: return FormKey::Enter;
    case SDLK_TAB: return (key.mod & KMOD_SHIFT) != 0 ? FormKey::ShiftTab : FormKey::Tab;
    case SDLK_BACKSPACE: return FormKey::Backspace;
    default: return std::nullopt;
  }
}

std::string* ContactForm::textOf(Field field) {
  switch (field) {
    case Field::Name: return &m_draft.name;
    case Field::Company: return &m_draft.company;
    case Field::Country: return &m_countryQuery;
    case Field::Email: return &m_draft.email;
    case Field::Phone: return &m_draft.phone;
    case Field::OrderVolume: return &m_draft.orderVolume;
    case Field::Message: return &m_draft.message;
    default: return nullptr;
  }
}

void ContactForm::focus(std::optional<Field> field) {
  m_focused = field;
  m_scrollToFocus = true;
  m_keyboard.reset();
  const std::string* target = field ? textOf(*field) : nullptr;
  if (!target) {
    m_focused.reset();
    m_keyboardModel.clear();
    return;
  }
  const FieldKeyboard keys = keyboardFor(*field);
  m_keyboardModel.setLayout(keys.layout);
  m_keyboardModel.setMaxLength(keys.maxChars);
  m_keyboardModel.setCapitalizeWords(field == Field::Name || field == Field::Company);
  m_keyboardModel.setEnterKey(field == Field::Message ? EnterKey::Done : EnterKey::Next);
  m_keyboardModel.setText(*target);
  if (field == Field::Country) updateCountryMatches();
}

void ContactForm::focusNext(int direction) {
  const auto count = static_cast<int>(std::size(kTextFields));
  const auto at = m_focused ? std::find(std::begin(kTextFields), std::end(kTextFields), *m_focused) : std::end(kTextFields);
  const int current = at == std::end(kTextFields) ? (direction > 0 ? -1 : count) : static_cast<int>(at - std::begin(kTextFields));
  const int next = current + direction;
  focus(next < 0 || next >= count ? std::nullopt : std::optional<Field>(kTextFields[next]));
}

void ContactForm::updateCountryMatches() {
  // Looked up when the search text changes, not at every frame: it folds every country's names.
  m_countryMatches = m_draft.countryCode.empty() ? searchCountries(m_countryQuery, m_language, 6)
                                                 : std::vector<CountryEntry>{};
}

void ContactForm::syncFromKeyboard() {
  std::string* target = m_focused ? textOf(*m_focused) : nullptr;
  if (!target) return;
  wipe(*target);
  *target = m_keyboardModel.text();
  m_problems.erase(*m_focused);
  if (m_focused == Field::Email || m_focused == Field::Phone) {
    m_problems.erase(Field::Email);  // one of the two is enough: correcting either answers both
    m_problems.erase(Field::Phone);
  }
  if (m_focused == Field::Country) {
    m_draft.countryCode.clear();  // typing again: choose again
    updateCountryMatches();
  }
}

void ContactForm::typeText(const std::string& utf8) {
  if (m_stage != Stage::Editing) return;
  if (!m_focused) {
    if (utf8 == " ") {  // past the text fields, Space ticks the consent box
      m_draft.consent = !m_draft.consent;
      m_problems.erase(Field::Consent);
    }
    return;
  }
  m_keyboardModel.setText(m_keyboardModel.text() + utf8);  // the model enforces the field's limit
  syncFromKeyboard();
}

void ContactForm::eraseCharacters(std::size_t count) {
  for (std::size_t i = 0; i < count; ++i) m_keyboardModel.press(keys::kBackspace);
  syncFromKeyboard();
}

void ContactForm::key(FormKey key) {
  if (m_stage != Stage::Editing) return;
  switch (key) {
    case FormKey::Tab: focusNext(1); break;
    case FormKey::ShiftTab: focusNext(-1); break;
    case FormKey::Enter:
      if (m_focused == Field::Message) {
        typeText("\n");
      } else {
        submit();
      }
      break;
    case FormKey::Backspace: eraseCharacters(1); break;
  }
}

const ConsentText* ContactForm::consent() const {
  if (m_settings.consent) return &*m_settings.consent;
  return m_catalog->consent ? &*m_catalog->consent : nullptr;
}

std::string ContactForm::consentText() const {
  if (!consent()) return formText(FormString::DefaultConsent, m_language);
  return localized(consent()->text, m_language, m_catalog->defaultLanguage);
}

std::string ContactForm::consentLanguage() const {
  if (!consent()) return m_language;
  const std::string* shown = localizedLanguage(consent()->text, m_language, m_catalog->defaultLanguage);
  return shown ? *shown : m_language;
}

leads::Lead ContactForm::leadFrom(const ContactDraft& draft) const {
  leads::Lead lead;  // its uuid and time are given by the saver
  lead.deviceId = m_settings.deviceId;
  lead.packId = m_catalog->id;
  lead.producerId = m_producerId;
  lead.productIds = draft.productIds;
  lead.name = draft.name;
  lead.company = draft.company;
  lead.countryCode = draft.countryCode;
  lead.email = draft.email;
  lead.phone = draft.phone;
  lead.buyerType = draft.buyerType;
  lead.orderVolume = draft.orderVolume;
  lead.preferredLanguage = draft.preferredLanguage;
  lead.message = draft.message;
  lead.visitorLanguage = m_language;
  lead.consentGiven = draft.consent;
  lead.consentVersion = consent() ? consent()->version : m_settings.defaultConsentVersion;
  lead.consentLanguage = consentLanguage();
  lead.source = m_source;
  lead.rawCard = m_rawCard;
  return lead;
}

ContactCode ContactForm::thanksCode() const {
  // The first product asked about names the chat, and its producer answers when the form was
  // opened for the whole stand.
  const Product* product = m_draft.productIds.empty() ? nullptr : m_catalog->product(m_draft.productIds.front());
  const Producer* producer = m_catalog->producer(m_producerId);
  if (!producer && product) producer = m_catalog->producer(product->producerId);
  if (!producer) return {};
  const std::string& about = localized(product ? product->name : producer->name, m_language, m_catalog->defaultLanguage);
  const std::string& stand = localized(m_catalog->title, m_language, m_catalog->defaultLanguage);
  return contactCode(*producer, chatGreeting(m_language, about, stand));
}

void ContactForm::submit() {
  if (m_stage != Stage::Editing || !m_catalog) return;
  FormRules rules = m_settings.rules;
  for (const BuyerTypeChoice& choice : kBuyerTypes) rules.buyerTypeChoices.emplace_back(choice.value);
  DraftCheck check = validateDraft(m_draft, rules);
  m_problems = check.problems;
  if (!check.ok()) {
    log::info("contact form: {} field(s) to correct", m_problems.size());  // which, never what
    return;
  }
  if (!m_saver) return;
  m_ticket = m_saver->submit(leadFrom(check.normalised));
  m_saver->countEvent(leads::EventKind::FormSubmitted, "");
  m_stage = Stage::Saving;
  m_thanksCode = thanksCode();
  focus(std::nullopt);
  for (std::string* field : {&check.normalised.name, &check.normalised.company, &check.normalised.email,
                             &check.normalised.phone, &check.normalised.message}) {
    wipe(*field);
  }
}

void ContactForm::pollSave() {
  if (m_stage != Stage::Saving || !m_saver) return;
  const leads::SaveStatus status = m_saver->status(m_ticket);
  if (status.state == leads::SaveState::Saving) return;
  if (status.state == leads::SaveState::KeptPending) log::warn("lead kept on this kiosk, not yet in the database: {}", status.message);
  // Saved, or safe in the pending file: either way the visitor's contact is kept. Wipe the form.
  wipeEntries();
  m_stage = Stage::Thanks;
}

void ContactForm::wipeEntries() {
  for (std::string* field : {&m_draft.name, &m_draft.company, &m_draft.email, &m_draft.phone, &m_draft.message,
                             &m_draft.orderVolume, &m_countryQuery, &m_rawCard}) {
    wipe(*field);
  }
  m_draft = ContactDraft{};
  m_countryMatches.clear();
  m_keyboardModel.clear();
  m_keyboard.reset();
  m_problems.clear();
  m_source = leads::kSourceTyped;
  m_cardRefused = false;
  m_focused.reset();
}

void ContactForm::clear() {
  wipeEntries();
  m_stage = Stage::Editing;
  m_thanksCode = ContactCode{};
  m_idleResetAt.reset();
  m_catalog = nullptr;
}

std::optional<ContactForm::Clock::time_point> ContactForm::nextWake(Clock::time_point now) const {
  std::optional<Clock::time_point> wake = m_keyboard.nextWake();
  auto atLatest = [&](Clock::time_point when) { wake = wake ? std::min(*wake, when) : when; };
  if (m_stage == Stage::Saving) atLatest(now + std::chrono::milliseconds(16));  // a frame: show "saved" at once
  if (m_idleResetAt) atLatest(now + std::chrono::milliseconds(250));         // the countdown's seconds
  return wake;
}

}  // namespace etalase::kiosk
