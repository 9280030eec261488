// Made-up leads that look like real ones (names in Latin, Chinese, Arabic and Cyrillic script,
// Malay and Indonesian names, e-mails, E.164 phones of the stand's usual markets, the demo pack's
// products), for benchmarks, tests and demos. Never real people. Deterministic for a seed,
// except for uuid and createdUtc, which are new each time.
#pragma once

#include <cstdint>
#include <random>
#include <string>

#include "kiosk/leads/lead.h"

namespace etalase::leads {

class SyntheticLeads {
 public:
  explicit SyntheticLeads(std::uint64_t seed, std::string deviceId = "kiosk-demo-01");
  Lead next();

 private:
  std::size_t pick(std::size_t count);
  std::string digits(int count);

  std::mt19937_64 m_random;
  std::string m_deviceId;
};

}  // namespace etalase::leads
