// The staff PIN that unlocks the kiosk's staff pages, kept in one small JSON file.
//
//   auto vault = PinVault::open(dataFolder / "staff-pin.json");
//   if (!vault.value().hasPin()) ... ask for a new PIN, then setPin()
//   auto attempt = vault.value().tryPin(typed);   // Accepted, Wrong, LockedOut or NoPinSet
//
// The PIN is never stored: only its argon2id hash. Wrong PINs cost a growing wait before the next
// try (delayAfterFailures), and the count and the wait are in the file, so a restart or a pulled
// plug does not reset them. Nothing here logs, and no Error carries a PIN. Not thread-safe: one
// thread uses one PinVault.
#pragma once

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "media/error.h"

namespace etalase::staff {

// Wall-clock time: a lock-out must outlast a restart, which steady_clock does not. Tests fake it.
class Clock {
 public:
  virtual ~Clock() = default;
  virtual std::chrono::system_clock::time_point now() const = 0;
};

inline constexpr std::size_t kMinPinDigits = 4;
inline constexpr std::size_t kMaxPinDigits = 12;

// The wait after the `failures`-th wrong PIN in a row: 0 s after the 1st and 2nd, 5 s after the
// 3rd, 15 s after the 4th, then a lock-out of 60 s after the 5th doubling with each further
// failure (2, 4, 8, 16, 32 min) up to 1 hour. A typo or two costs nothing; guessing is slow.
std::chrono::seconds delayAfterFailures(int failures);
// How many PINs one can try within `duration` from a fresh state under that policy (the time the
// hashing itself takes not counted, so the true number is at most this).
int attemptsPossibleWithin(std::chrono::seconds duration);

class PinVault {
 public:
  struct Attempt {
    enum class Outcome { Accepted, Wrong, LockedOut, NoPinSet } outcome;
    std::chrono::seconds wait;  // before the next attempt is allowed
    int failuresInRow;          // wrong PINs since the last right one
  };

  // Reads `file` (e.g. DATA/staff-pin.json); a missing file is a vault with no PIN yet. A damaged
  // file is an Error naming it. `clock` (not owned, must outlive the vault) defaults to the
  // system's.
  static Result<PinVault> open(const std::filesystem::path& file, Clock* clock = nullptr);

  bool hasPin() const { return !m_hash.empty(); }
  // Replaces the PIN (4 to 12 digits) and clears the failures. The caller decides who may do it.
  [[nodiscard]] std::optional<Error> setPin(std::string_view pin);
  // Checks `pin` unless a wait is running (then LockedOut, without checking).
  Attempt tryPin(std::string_view pin);
  std::chrono::seconds waitBeforeNextAttempt() const;
  int failuresInRow() const { return m_failures; }
  // Set when tryPin() could not write the failure count (the wait still holds until a restart).
  const std::optional<Error>& lastWriteError() const { return m_writeError; }
  const std::filesystem::path& file() const { return m_file; }

 private:
  PinVault(std::filesystem::path file, Clock* clock) : m_file(std::move(file)), m_clock(clock) {}
  std::optional<Error> save() const;

  std::filesystem::path m_file;
  Clock* m_clock;
  std::string m_hash;  // crypto_pwhash_str's text, empty when no PIN is set
  int m_failures = 0;
  std::optional<std::chrono::system_clock::time_point>
      m_lockedUntil;  // the file keeps whole seconds, rounded up
  std::optional<Error> m_writeError;
};

}  // namespace etalase::staff
