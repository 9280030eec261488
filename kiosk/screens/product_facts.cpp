// Product facts as text.
#include "product_facts.h"

#include <fmt/format.h>

#include <cmath>

#include "kiosk/locale/countries.h"
#include "kiosk/screens/ui_text.h"

namespace etalase::kiosk {

std::string formatAmount(double amount) {
  const auto cents = static_cast<long long>(std::llround(amount * 100.0));
  const std::string digits = std::to_string(cents / 100);
  std::string whole;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) whole += ',';
    whole += digits[i];
  }
  const long long fraction = cents % 100;
  if (fraction == 0) return whole;
  return fraction % 10 == 0 ? fmt::format("{}.{}", whole, fraction / 10) : fmt::format("{}.{:02}", whole, fraction);
}

std::string formatPrice(const PriceRange& price, const std::string& language) {
  std::string text = price.currency + " " + formatAmount(price.min);
  if (price.max > price.min) text += " – " + formatAmount(price.max);
  if (!price.unit.empty()) text += fmt::format(" {} {}", uiText(UiString::Per, language), price.unit);
  if (!price.terms.empty()) text += " · " + price.terms;
  return text;
}

std::string formatCertification(const Certification& certification) {
  return certification.number.empty() ? certification.name : certification.name + " · " + certification.number;
}

std::vector<Fact> productFacts(const Product& product, const std::string& language) {
  std::vector<Fact> facts;
  auto quantity = [](const Quantity& q) { return q.unit.empty() ? formatAmount(q.quantity) : formatAmount(q.quantity) + " " + q.unit; };
  if (product.priceRange) facts.push_back({uiText(UiString::Price, language), formatPrice(*product.priceRange, language)});
  if (product.minimumOrder) facts.push_back({uiText(UiString::MinimumOrder, language), quantity(*product.minimumOrder)});
  if (product.capacityPerMonth) {
    facts.push_back({uiText(UiString::CapacityPerMonth, language), quantity(*product.capacityPerMonth)});
  }
  if (product.leadTimeDays) {
    facts.push_back({uiText(UiString::LeadTime, language),
                     fmt::format("{} {}", *product.leadTimeDays, uiText(UiString::Days, language))});
  }
  if (!product.markets.empty()) {
    std::string names;
    for (const std::string& code : product.markets) {
      if (!names.empty()) names += ", ";
      names += countryName(code, language);
    }
    facts.push_back({uiText(UiString::Markets, language), names});
  }
  if (!product.hsCode.empty()) facts.push_back({uiText(UiString::HsCode, language), product.hsCode});
  return facts;
}

}  // namespace etalase::kiosk
