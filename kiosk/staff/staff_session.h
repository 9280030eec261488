// Staff mode's state: closed to visitors, asking for the PIN (or for a new one on the first
// start), or open until staff leave or stop touching it. The PIN itself is PinVault's business;
// this only keeps the digits being typed (wiped as soon as they are used) and says what happened
// in words for the PIN pad and, without digits, for the log. UI thread only; no UI in here.
#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "kiosk/staff/pin_vault.h"

namespace etalase::staff {

class StaffSession {
 public:
  using Clock = std::chrono::steady_clock;
  enum class State { Closed, AskPin, NewPin, ConfirmPin, Open };
  static constexpr std::chrono::seconds kDefaultIdle{120};

  explicit StaffSession(PinVault vault, std::chrono::seconds idleTimeout = kDefaultIdle);
  ~StaffSession();
  StaffSession(const StaffSession&) = delete;
  StaffSession& operator=(const StaffSession&) = delete;

  // The corner hold: the PIN pad, or the new-PIN pad when no PIN is set yet.
  void requestEntry(Clock::time_point now);
  // From the open staff screens: set a new PIN (asked twice), then back to them.
  void changePin(Clock::time_point now);
  void typeDigit(char digit, Clock::time_point now);
  void eraseDigit(Clock::time_point now);
  // Checks the PIN or takes the new one. Returns a line for the log (never the digits), if any.
  std::optional<std::string> submit(Clock::time_point now);
  // Cancel on the pad: closed again (or, while changing the PIN, back to the staff screens).
  void cancel();
  // Staff leave, or the kiosk is told to show visitors again.
  void close();
  // Any touch in staff mode keeps it open; after idleTimeout without one it closes by itself.
  void noteActivity(Clock::time_point now) { m_lastActivity = now; }
  // Applies the idle timeout; true when it closed staff mode just now.
  bool update(Clock::time_point now);
  std::optional<Clock::time_point> idleDeadline() const;
  void setIdleTimeout(std::chrono::seconds timeout) { m_idleTimeout = timeout; }

  State state() const { return m_state; }
  bool open() const { return m_state == State::Open || m_changingPin; }
  bool padShown() const { return m_state == State::AskPin || m_state == State::NewPin || m_state == State::ConfirmPin; }
  std::size_t digitsTyped() const { return m_typed.size(); }
  // What the pad says under the dots: "Wrong PIN", the wait, "The two PINs differ", ...
  const std::string& message() const { return m_message; }
  // Seconds before the pad takes a PIN again (a lock-out after wrong ones), 0 when it does.
  std::chrono::seconds wait() const;
  bool hasPin() const { return m_vault.hasPin(); }
  PinVault& vault() { return m_vault; }

 private:
  void wipe(std::string& digits);
  std::optional<std::string> checkPin(Clock::time_point now);
  std::optional<std::string> takeNewPin(Clock::time_point now);

  PinVault m_vault;
  std::chrono::seconds m_idleTimeout;
  State m_state = State::Closed;
  bool m_changingPin = false;
  std::string m_typed;
  std::string m_firstNewPin;  // the new PIN's first entry, while it is asked again
  std::string m_message;
  Clock::time_point m_lastActivity{};
};

}  // namespace etalase::staff
