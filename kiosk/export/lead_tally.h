// The organiser's figures: how many leads per stand, product, country, buyer type and day, for
// `etalase-leads stats`. Counts each lead (by uuid) once, however many inputs hold it.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <unordered_set>

#include "kiosk/leads/lead.h"

namespace etalase::exporting {

class LeadTally {
 public:
  // `stand`: what the lead's stand is called (its export's stand name, else its device id).
  // false when the lead was counted already.
  bool add(const leads::Lead& lead, const std::string& stand);

  std::int64_t leads() const { return m_leads; }
  std::int64_t duplicates() const { return m_duplicates; }
  // Empty values are counted under "(none)"; a lead counts once under each of its products.
  const std::map<std::string, std::int64_t>& perStand() const { return m_perStand; }
  const std::map<std::string, std::int64_t>& perProduct() const { return m_perProduct; }
  const std::map<std::string, std::int64_t>& perCountry() const { return m_perCountry; }
  const std::map<std::string, std::int64_t>& perBuyerType() const { return m_perBuyerType; }
  const std::map<std::string, std::int64_t>& perDay() const { return m_perDay; }  // YYYY-MM-DD, UTC

 private:
  std::unordered_set<std::string> m_seen;
  std::int64_t m_leads = 0;
  std::int64_t m_duplicates = 0;
  std::map<std::string, std::int64_t> m_perStand, m_perProduct, m_perCountry, m_perBuyerType,
      m_perDay;
};

}  // namespace etalase::exporting
