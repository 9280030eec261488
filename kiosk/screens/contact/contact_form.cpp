// The contact form's state: fields, focus, the keyboard's buffer, submitting and wiping.
#include "kiosk/screens/contact/contact_form.h"

#include <string.h>  // explicit_bzero

#include <chrono>
#include <ctime>

#include "kiosk/locale/countries.h"
#include "kiosk/screens/contact/form_text.h"
#include "media/log.h"

namespace etalase::kiosk {

namespace {

// Overwrites a string's bytes before it is emptied: what a visitor typed must not linger in freed
// memory that a later allocation could show.
void wipe(std::string& text) {
  if (!text.empty()) explicit_bzero(text.data(), text.size());
  text.clear();
}

std::string utcNow() {
  const auto now = std::chrono::system_clock::now();
  const std::time_t seconds = std::chrono::system_clock::to_time_t(now);
  const auto millis = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char buffer[40];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%S", &utc);
  char withMillis[48];
  std::snprintf(withMillis, sizeof withMillis, "%s.%03dZ", buffer, static_cast<int>(millis));
  return withMillis;
}

}  // namespace

Field ContactForm::kindOf(TextField field) {
  switch (field) {
    case TextField::Company: return Field::Company;
    case TextField::Country: return Field::Country;
    case TextField::Email: return Field::Email;
    case TextField::Phone: return Field::Phone;
    case TextField::OrderVolume: return Field::OrderVolume;
    case TextField::Message: return Field::Message;
    default: return Field::Name;
  }
}

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
  m_stage = Stage::Editing;
  if (m_saver) m_saver->countEvent(leads::EventKind::FormOpened, "");
  focus(TextField::Name);
}

void ContactForm::applyCard(const ScannedCard& card, const std::string& rawText, const char* source) {
  m_draft.name = card.name.empty() ? card.givenName + (card.familyName.empty() ? "" : " " + card.familyName) : card.name;
  if (!card.company.empty()) m_draft.company = card.company;
  if (!card.emails.empty()) m_draft.email = card.emails.front();
  if (!card.phones.empty()) m_draft.phone = card.phones.front();
  if (!card.countryCode.empty()) {
    m_draft.countryCode = card.countryCode;
    m_countryQuery = countryName(card.countryCode, m_language);
  }
  if (!card.note.empty() && m_draft.message.empty()) m_draft.message = card.note;
  wipe(m_rawCard);
  m_rawCard = rawText;
  m_source = source;
  m_scanned = true;
  m_cardRefused = false;
  m_problems.clear();
  if (m_saver) {
    m_saver->countEvent(m_source == leads::kSourceScannedCamera ? leads::EventKind::ScanCamera
                                                                 : leads::EventKind::ScanKeyboard, "");
  }
  focus(m_focused == TextField::None ? TextField::Name : m_focused);  // the keyboard shows the new text
}

void ContactForm::cardRefused() {
  m_cardRefused = true;
  m_scanned = false;
}

std::string* ContactForm::fieldText(TextField field) {
  switch (field) {
    case TextField::Name: return &m_draft.name;
    case TextField::Company: return &m_draft.company;
    case TextField::Country: return &m_countryQuery;
    case TextField::Email: return &m_draft.email;
    case TextField::Phone: return &m_draft.phone;
    case TextField::OrderVolume: return &m_draft.orderVolume;
    case TextField::Message: return &m_draft.message;
    case TextField::None: return nullptr;
  }
  return nullptr;
}

void ContactForm::focus(TextField field) {
  m_focused = field;
  m_scrollToFocus = true;
  m_keyboard.reset();
  std::string* target = fieldText(field);
  if (!target) {
    m_keyboardModel.clear();
    return;
  }
  Layout layout = Layout::Letters;
  std::size_t limit = kMaxNameChars;
  switch (field) {
    case TextField::Email: layout = Layout::Email; limit = kMaxEmailChars; break;
    case TextField::Phone: layout = Layout::Phone; limit = kMaxPhoneChars; break;
    case TextField::Company: limit = kMaxCompanyChars; break;
    case TextField::OrderVolume: limit = kMaxOrderVolumeChars; break;
    case TextField::Message: limit = kMaxMessageChars; break;
    default: break;
  }
  m_keyboardModel.setLayout(layout);
  m_keyboardModel.setMaxLength(limit);
  m_keyboardModel.setCapitalizeWords(field == TextField::Name || field == TextField::Company);
  m_keyboardModel.setEnterKey(field == TextField::Message ? EnterKey::Done : EnterKey::Next);
  m_keyboardModel.setText(*target);
}

void ContactForm::focusNext(int direction) {
  constexpr int kFields = static_cast<int>(TextField::None);
  const int current = m_focused == TextField::None ? (direction > 0 ? -1 : kFields) : static_cast<int>(m_focused);
  const int next = current + direction;
  focus(next < 0 || next >= kFields ? TextField::None : static_cast<TextField>(next));
}

void ContactForm::syncFromKeyboard() {
  std::string* target = fieldText(m_focused);
  if (!target) return;
  wipe(*target);
  *target = m_keyboardModel.text();
  if (m_focused == TextField::Country) m_draft.countryCode.clear();  // typing again: choose again
  m_problems.erase(kindOf(m_focused));
  if (m_focused == TextField::Email || m_focused == TextField::Phone) {
    m_problems.erase(Field::Email);  // one of the two is enough: correcting either answers both
    m_problems.erase(Field::Phone);
  }
}

void ContactForm::typeText(const std::string& utf8) {
  if (m_stage != Stage::Editing) return;
  if (m_focused == TextField::None) {
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
      if (m_focused == TextField::Message) {
        typeText("\n");
      } else {
        submit();
      }
      break;
    case FormKey::Backspace: eraseCharacters(1); break;
    case FormKey::Space: typeText(" "); break;
  }
}

leads::Lead ContactForm::leadFrom(const ContactDraft& draft) const {
  leads::Lead lead;
  lead.deviceId = m_settings.deviceId;
  lead.createdUtc = utcNow();
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
  lead.consentVersion = m_catalog->consent ? m_catalog->consent->version : m_settings.consentVersion;
  lead.consentLanguage = m_consentLanguage;
  lead.source = m_source;
  lead.rawCard = m_rawCard;
  return lead;
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
  m_savingSince = Clock::now();
  m_keyboardModel.clear();
  // The thank-you code opens the producer's chat with a first message naming what they asked about.
  const Producer* producer = m_catalog->producer(m_producerId);
  if (!producer && !m_draft.productIds.empty()) {
    for (const Product& product : m_catalog->products) {
      if (product.id == m_draft.productIds.front()) producer = m_catalog->producer(product.producerId);
    }
  }
  if (producer) {
    std::string about = localized(producer->name, m_language, m_catalog->defaultLanguage);
    for (const Product& product : m_catalog->products) {
      if (!m_draft.productIds.empty() && product.id == m_draft.productIds.front()) {
        about = localized(product.name, m_language, m_catalog->defaultLanguage);
      }
    }
    m_thanksCode = contactCode(*producer, chatGreeting(m_language, about,
                                                       localized(m_catalog->title, m_language, m_catalog->defaultLanguage)));
  }
  ContactDraft sent = std::move(check.normalised);
  for (std::string* field : {&sent.name, &sent.company, &sent.email, &sent.phone, &sent.message}) wipe(*field);
}

void ContactForm::pollSave() {
  if (m_stage != Stage::Saving || !m_saver) return;
  const leads::SaveStatus status = m_saver->status(m_ticket);
  if (status.state == leads::SaveState::Saving) return;
  if (status.state == leads::SaveState::KeptPending) log::warn("lead kept on this kiosk, not yet in the database: {}", status.message);
  // Saved, or safe in the pending file: either way the visitor's contact is kept. Wipe the form.
  const auto code = std::move(m_thanksCode);
  const std::string producer = m_producerId;
  const Catalog* catalog = m_catalog;
  const std::string language = m_language;
  clear();
  m_catalog = catalog;
  m_language = language;
  m_producerId = producer;
  m_thanksCode = code;
  m_stage = Stage::Thanks;
}

void ContactForm::clear() {
  for (std::string* field : {&m_draft.name, &m_draft.company, &m_draft.email, &m_draft.phone, &m_draft.message,
                             &m_draft.orderVolume, &m_countryQuery, &m_rawCard}) {
    wipe(*field);
  }
  m_draft = ContactDraft{};
  m_keyboardModel.clear();
  m_keyboard.reset();
  m_problems.clear();
  m_source = leads::kSourceTyped;
  m_scanned = m_cardRefused = false;
  m_consentLanguage.clear();
  m_focused = TextField::None;
  m_stage = Stage::Editing;
  m_thanksCode = ContactCode{};
  m_idleResetAt.reset();
  m_catalog = nullptr;
}

std::optional<ContactForm::Clock::time_point> ContactForm::nextWake(Clock::time_point now) const {
  std::optional<Clock::time_point> wake = m_keyboard.nextWake();
  if (m_stage == Stage::Saving) wake = wake ? std::min(*wake, now + std::chrono::milliseconds(16)) : now + std::chrono::milliseconds(16);
  if (m_idleResetAt) wake = wake ? std::min(*wake, now + std::chrono::milliseconds(250)) : now + std::chrono::milliseconds(250);
  return wake;
}

}  // namespace etalase::kiosk
