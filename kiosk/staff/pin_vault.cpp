#include "kiosk/staff/pin_vault.h"

#include <fmt/format.h>
#include <sodium.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "kiosk/leads/store_files.h"

namespace etalase::staff {

namespace fs = std::filesystem;
using namespace std::chrono;

namespace {

constexpr int kFormat = 1;
// argon2id at libsodium's "interactive" cost (2 passes over 64 MiB): about 0.1 s on a desktop and
// 0.3-0.5 s on a small ARM board, so a staff member barely waits while each guess an attacker
// makes on a copied file stays expensive; 64 MiB fits beside the kiosk in a 1 GiB board.
constexpr unsigned long long kOpsLimit = crypto_pwhash_OPSLIMIT_INTERACTIVE;
constexpr std::size_t kMemLimit = crypto_pwhash_MEMLIMIT_INTERACTIVE;

class SystemClock final : public Clock {
 public:
  system_clock::time_point now() const override { return system_clock::now(); }
};
SystemClock g_systemClock;

// sodium_init() once per process; a function-local static is initialised thread-safely.
bool sodiumReady() {
  static const bool ready = sodium_init() >= 0;
  return ready;
}

bool wellFormed(std::string_view pin) {
  return pin.size() >= kMinPinDigits && pin.size() <= kMaxPinDigits &&
         std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// e.g. 2026-12-03T10:00:00Z
std::string utcText(sys_seconds when) {
  const sys_days day = floor<days>(when);
  const year_month_day date(day);
  const hh_mm_ss time(when - day);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", static_cast<int>(date.year()),
                     static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                     time.hours().count(), time.minutes().count(), time.seconds().count());
}

std::optional<sys_seconds> parseUtc(const std::string& text) {
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0, end = 0;
  const int fields =
      std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d:%2dZ%n", &y, &mo, &d, &h, &mi, &s, &end);
  if (fields != 6 || end != static_cast<int>(text.size())) {
    return std::nullopt;
  }
  const year_month_day date{year(y), month(static_cast<unsigned>(mo)),
                            day(static_cast<unsigned>(d))};
  if (!date.ok() || h > 23 || mi > 59 || s > 59 || h < 0 || mi < 0 || s < 0) return std::nullopt;
  return sys_days(date) + hours(h) + minutes(mi) + seconds(s);
}

}  // namespace

seconds delayAfterFailures(int failures) {
  if (failures <= 2) return 0s;
  if (failures == 3) return 5s;
  if (failures == 4) return 15s;
  return std::min(seconds(60s) * (1 << std::min(failures - 5, 6)), seconds(1h));
}

int attemptsPossibleWithin(seconds duration) {
  int attempts = 0;
  for (seconds t = 0s; t < duration;) {  // an attempt may start at any time before `duration`
    ++attempts;
    t += delayAfterFailures(attempts);
  }
  return attempts;
}

Result<PinVault> PinVault::open(const fs::path& file, Clock* clock) {
  const std::string name = file.string();
  if (!sodiumReady()) return Error{name, "libsodium could not initialise"};
  PinVault vault(file, clock ? clock : &g_systemClock);

  std::error_code ec;
  if (!fs::exists(file, ec)) {
    if (ec) return Error{name, "cannot be read: " + ec.message()};
    return vault;  // no PIN set yet
  }
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (!in) return Error{name, "cannot be read"};

  const auto json = nlohmann::json::parse(text.str(), nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded() || !json.is_object()) {
    return Error{name, "is not a staff PIN file (not a JSON object: damaged or cut short?)"};
  }
  const auto format = json.find("format");
  if (format == json.end() || !format->is_number_integer()) return Error{name, "has no \"format\""};
  if (*format != kFormat) {
    return Error{name, fmt::format("has format {}, this kiosk reads {}", format->dump(), kFormat)};
  }

  const auto hash = json.find("hash");
  if (hash == json.end() || !hash->is_string()) return Error{name, "has no PIN hash"};
  vault.m_hash = hash->get<std::string>();
  // -1: not a hash libsodium can verify (damaged, cut short, or another algorithm).
  if (vault.m_hash.size() >= crypto_pwhash_STRBYTES ||
      crypto_pwhash_str_needs_rehash(vault.m_hash.c_str(), kOpsLimit, kMemLimit) == -1) {
    return Error{name, "has a damaged PIN hash"};
  }

  const auto failures = json.find("failures");
  if (failures == json.end() || !failures->is_number_integer() || *failures < 0 ||
      *failures > 1'000'000) {
    return Error{name, "has no valid \"failures\" count"};
  }
  vault.m_failures = failures->get<int>();

  if (const auto until = json.find("locked_until_utc"); until != json.end() && !until->is_null()) {
    const auto when = until->is_string() ? parseUtc(until->get<std::string>()) : std::nullopt;
    if (!when) {
      return Error{name, "has an invalid \"locked_until_utc\" (expected 2026-12-03T10:00:00Z)"};
    }
    vault.m_lockedUntil = *when;
  }
  return vault;
}

std::optional<Error> PinVault::setPin(std::string_view pin) {
  if (!wellFormed(pin)) {
    return Error{"staff PIN",
                 fmt::format("must be {} to {} digits (0-9)", kMinPinDigits, kMaxPinDigits)};
  }
  // libsodium reads the PIN where the caller keeps it: no copy is made here that would need wiping.
  char hash[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(hash, pin.data(), pin.size(), kOpsLimit, kMemLimit) != 0) {
    return Error{"staff PIN", "hashing failed (out of memory?)"};
  }
  PinVault next = *this;
  next.m_hash = hash;
  next.m_failures = 0;
  next.m_lockedUntil.reset();
  if (auto error = next.save()) return error;  // the old PIN stays in force
  *this = std::move(next);
  return std::nullopt;
}

PinVault::Attempt PinVault::tryPin(std::string_view pin) {
  if (!hasPin()) return {Attempt::Outcome::NoPinSet, 0s, m_failures};
  if (const seconds wait = waitBeforeNextAttempt(); wait > 0s) {
    return {Attempt::Outcome::LockedOut, wait, m_failures};
  }
  // Count the attempt as wrong on disk before checking it: pulling the plug while the hash is
  // computed then cannot be used to try PINs for free.
  ++m_failures;
  const seconds delay = delayAfterFailures(m_failures);
  m_lockedUntil.reset();
  if (delay > 0s) m_lockedUntil = m_clock->now() + delay;
  m_writeError = save();

  // A malformed PIN cannot match, and its format is no secret: skip the hashing.
  const bool right =
      wellFormed(pin) && crypto_pwhash_str_verify(m_hash.c_str(), pin.data(), pin.size()) == 0;
  if (!right) return {Attempt::Outcome::Wrong, delay, m_failures};

  m_failures = 0;
  m_lockedUntil.reset();
  m_writeError = save();
  return {Attempt::Outcome::Accepted, 0s, 0};
}

seconds PinVault::waitBeforeNextAttempt() const {
  if (!m_lockedUntil) return 0s;
  const seconds left = ceil<seconds>(*m_lockedUntil - m_clock->now());
  // Never longer than the policy allows: a board without an RTC battery may boot with its clock
  // set back, which would stretch a stored lock-out for years.
  return std::clamp(left, 0s, delayAfterFailures(m_failures));
}

std::optional<Error> PinVault::save() const {
  nlohmann::ordered_json json;
  json["format"] = kFormat;
  json["hash"] = m_hash;
  json["failures"] = m_failures;
  json["locked_until_utc"] =
      m_lockedUntil ? nlohmann::ordered_json(utcText(ceil<seconds>(*m_lockedUntil))) : nullptr;
  return leads::replaceFileAtomically(m_file, json.dump(2) + "\n");
}

}  // namespace etalase::staff
