// A product's trade facts as a buyer reads them: label and value, in the visitor's language,
// only those the pack gives. Pure text; the product page lays them out.
#pragma once

#include <string>
#include <vector>

#include "kiosk/catalog/catalog.h"

namespace etalase::kiosk {

struct Fact {
  std::string label;
  std::string value;
};

std::vector<Fact> productFacts(const Product& product, const std::string& language);

// 1234.5 -> "1,234.5"; whole numbers without decimals.
std::string formatAmount(double amount);
// "USD 35 – 120 per piece · FOB Semarang"
std::string formatPrice(const PriceRange& price, const std::string& language);
// "Halal · ID00410000123"
std::string formatCertification(const Certification& certification);

}  // namespace etalase::kiosk
