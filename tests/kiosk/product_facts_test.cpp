// The facts a buyer reads on a product page: in their language, numbers readable, nothing the
// pack leaves out shown as an empty line.
#include "kiosk/screens/product_facts.h"

#include <gtest/gtest.h>

#include "kiosk/screens/screen_context.h"

namespace etalase::kiosk {
namespace {

TEST(ProductFacts, AmountsAreGroupedAndWholeNumbersHaveNoDecimals) {
  EXPECT_EQ(formatAmount(0), "0");
  EXPECT_EQ(formatAmount(300), "300");
  EXPECT_EQ(formatAmount(5000), "5,000");
  EXPECT_EQ(formatAmount(1234567), "1,234,567");
  EXPECT_EQ(formatAmount(4.5), "4.5");
  EXPECT_EQ(formatAmount(1200.25), "1,200.25");
}

TEST(ProductFacts, PriceReadsLikeAQuote) {
  EXPECT_EQ(formatPrice({35, 120, "USD", "piece", "FOB Semarang"}, "en"), "USD 35 – 120 per piece · FOB Semarang");
  EXPECT_EQ(formatPrice({35, 35, "USD", "", ""}, "en"), "USD 35");
  EXPECT_EQ(formatPrice({2.5, 3, "USD", "kg", "FOB"}, "id"), "USD 2.5 – 3 per kg · FOB");
}

TEST(ProductFacts, OnlyGivenFactsAppearInTheVisitorsLanguage) {
  Product product;
  product.minimumOrder = Quantity{20, "pieces"};
  product.leadTimeDays = 30;
  product.markets = {"MY", "CN"};
  const auto english = productFacts(product, "en");
  ASSERT_EQ(english.size(), 3u);  // no price, capacity or HS code given: none shown
  EXPECT_EQ(english[0].label, "Minimum order");
  EXPECT_EQ(english[0].value, "20 pieces");
  EXPECT_EQ(english[1].value, "30 days");
  EXPECT_EQ(english[2].value, "Malaysia, China");
  const auto indonesian = productFacts(product, "id");
  EXPECT_EQ(indonesian[0].label, "Pesanan minimum");
  EXPECT_EQ(indonesian[1].value, "30 hari");
}

TEST(TouchTarget, NineMillimetresOnTheConfiguredScreen) {
  // A 15.6" 1920x1080 screen has 141 pixels per inch: 9 mm is 50 pixels.
  EXPECT_NEAR(touchTargetPixels({1920, 1080}, 15.6), 50.0f, 1.0f);
  // The same picture on a 32" screen: bigger pixels, fewer of them per 9 mm.
  EXPECT_NEAR(touchTargetPixels({1920, 1080}, 32.0), 25.0f, 1.0f);
}

}  // namespace
}  // namespace etalase::kiosk
