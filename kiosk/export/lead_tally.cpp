#include "kiosk/export/lead_tally.h"

#include <algorithm>
#include <vector>

namespace etalase::exporting {

namespace {

void count(std::map<std::string, std::int64_t>& counts, const std::string& key) {
  ++counts[key.empty() ? std::string("(none)") : key];
}

}  // namespace

bool LeadTally::add(const leads::Lead& lead, const std::string& stand) {
  if (!m_seen.insert(lead.uuid).second) {
    ++m_duplicates;
    return false;
  }
  ++m_leads;
  count(m_perStand, stand);
  std::vector<const std::string*> products;
  for (const std::string& product : lead.productIds) {
    if (std::none_of(products.begin(), products.end(),
                     [&](const std::string* seen) { return *seen == product; })) {
      products.push_back(&product);
      count(m_perProduct, product);
    }
  }
  if (products.empty()) count(m_perProduct, {});
  count(m_perCountry, lead.countryCode);
  count(m_perBuyerType, lead.buyerType);
  count(m_perDay, lead.createdUtc.substr(0, 10));
  return true;
}

}  // namespace etalase::exporting
