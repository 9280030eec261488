#include "kiosk/staff/staff_session.h"

#include <fmt/format.h>
#include <sodium.h>

namespace etalase::staff {

namespace {

std::string waitText(std::chrono::seconds wait) {
  if (wait.count() < 60) return fmt::format("{} s", wait.count());
  return fmt::format("{}:{:02} min", wait.count() / 60, wait.count() % 60);
}

}  // namespace

StaffSession::StaffSession(PinVault vault, std::chrono::seconds idleTimeout)
    : m_vault(std::move(vault)), m_idleTimeout(idleTimeout) {}

StaffSession::~StaffSession() {
  wipe(m_typed);
  wipe(m_firstNewPin);
}

void StaffSession::wipe(std::string& digits) {
  // The digits must not linger in freed memory for a memory dump to find.
  if (!digits.empty()) sodium_memzero(digits.data(), digits.size());
  digits.clear();
}

void StaffSession::requestEntry(Clock::time_point now) {
  if (open()) return;
  wipe(m_typed);
  wipe(m_firstNewPin);
  m_message.clear();
  m_state = m_vault.hasPin() ? State::AskPin : State::NewPin;
  if (m_state == State::NewPin) m_message = "No staff PIN is set yet: choose one (4 to 12 digits).";
  m_lastActivity = now;
}

void StaffSession::changePin(Clock::time_point now) {
  if (m_state != State::Open) return;
  m_changingPin = true;
  m_state = State::NewPin;
  m_message = "Choose the new PIN (4 to 12 digits).";
  m_lastActivity = now;
}

void StaffSession::typeDigit(char digit, Clock::time_point now) {
  m_lastActivity = now;
  if (!padShown() || digit < '0' || digit > '9' || m_typed.size() >= kMaxPinDigits) return;
  m_typed += digit;
}

void StaffSession::eraseDigit(Clock::time_point now) {
  m_lastActivity = now;
  if (m_typed.empty()) return;
  m_typed.back() = '\0';
  m_typed.pop_back();
}

std::optional<std::string> StaffSession::submit(Clock::time_point now) {
  m_lastActivity = now;
  if (m_state == State::AskPin) return checkPin(now);
  if (m_state == State::NewPin || m_state == State::ConfirmPin) return takeNewPin(now);
  return std::nullopt;
}

std::optional<std::string> StaffSession::checkPin(Clock::time_point now) {
  if (m_typed.empty()) return std::nullopt;
  const PinVault::Attempt attempt = m_vault.tryPin(m_typed);
  wipe(m_typed);
  using Outcome = PinVault::Attempt::Outcome;
  switch (attempt.outcome) {
    case Outcome::Accepted:
      m_state = State::Open;
      m_message.clear();
      m_lastActivity = now;
      return "staff mode: PIN accepted";
    case Outcome::NoPinSet:
      m_state = State::NewPin;
      m_message = "No staff PIN is set yet: choose one (4 to 12 digits).";
      return std::nullopt;
    case Outcome::LockedOut:
      m_message = fmt::format("Too many wrong PINs: try again in {}.", waitText(attempt.wait));
      return fmt::format("staff mode: PIN refused while locked out ({} left)", waitText(attempt.wait));
    case Outcome::Wrong:
      m_message = attempt.wait.count() > 0
                      ? fmt::format("Wrong PIN. Try again in {}.", waitText(attempt.wait))
                      : std::string("Wrong PIN.");
      {
        std::string line = fmt::format("staff mode: wrong PIN ({} in a row", attempt.failuresInRow);
        if (attempt.wait.count() > 0) line += fmt::format(", next try in {}", waitText(attempt.wait));
        if (const auto& error = m_vault.lastWriteError()) line += "; " + error->text();
        return line + ")";
      }
  }
  return std::nullopt;
}

std::optional<std::string> StaffSession::takeNewPin(Clock::time_point now) {
  if (m_typed.size() < kMinPinDigits) {
    m_message = fmt::format("A PIN has {} to {} digits.", kMinPinDigits, kMaxPinDigits);
    wipe(m_typed);
    return std::nullopt;
  }
  if (m_state == State::NewPin) {
    m_firstNewPin = m_typed;
    wipe(m_typed);
    m_state = State::ConfirmPin;
    m_message = "Type the same PIN again.";
    return std::nullopt;
  }
  const bool same = m_typed == m_firstNewPin;
  if (!same) {
    wipe(m_typed);
    wipe(m_firstNewPin);
    m_state = State::NewPin;
    m_message = "The two PINs differ: choose one again.";
    return std::nullopt;
  }
  auto error = m_vault.setPin(m_typed);
  wipe(m_typed);
  wipe(m_firstNewPin);
  if (error) {
    m_state = m_changingPin ? State::Open : State::NewPin;
    m_changingPin = false;
    m_message = "The PIN could not be saved: " + error->text();
    return "staff mode: " + error->text();
  }
  m_changingPin = false;
  m_state = State::Open;
  m_message.clear();
  m_lastActivity = now;
  return "staff mode: a new staff PIN was set";
}

void StaffSession::cancel() {
  wipe(m_typed);
  wipe(m_firstNewPin);
  m_message.clear();
  m_state = m_changingPin ? State::Open : State::Closed;
  m_changingPin = false;
}

void StaffSession::close() {
  wipe(m_typed);
  wipe(m_firstNewPin);
  m_message.clear();
  m_changingPin = false;
  m_state = State::Closed;
}

bool StaffSession::update(Clock::time_point now) {
  if (m_state == State::Closed || now - m_lastActivity < m_idleTimeout) return false;
  close();
  return true;
}

std::optional<StaffSession::Clock::time_point> StaffSession::idleDeadline() const {
  if (m_state == State::Closed) return std::nullopt;
  return m_lastActivity + m_idleTimeout;
}

std::chrono::seconds StaffSession::wait() const {
  return m_state == State::AskPin ? m_vault.waitBeforeNextAttempt() : std::chrono::seconds(0);
}

}  // namespace etalase::staff
