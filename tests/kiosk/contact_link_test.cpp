// Contact links: the phone opens WhatsApp, then the website, then e-mail; hostile pack text never
// becomes a link.
#include "kiosk/catalog/contact_link.h"

#include <gtest/gtest.h>

#include <string>

namespace etalase::kiosk {
namespace {

using Kind = ContactLink::Kind;

std::optional<ContactLink> whatsappOnly(const std::string& number,
                                        const std::string& greeting = "") {
  return contactLink(Contact{.whatsapp = number, .email = "", .website = ""}, greeting);
}

std::optional<ContactLink> websiteOnly(const std::string& website) {
  return contactLink(Contact{.whatsapp = "", .email = "", .website = website}, "Halo");
}

std::optional<ContactLink> emailOnly(const std::string& email) {
  return contactLink(Contact{.whatsapp = "", .email = email, .website = ""}, "Halo");
}

TEST(ContactLink, WhatsAppIsPreferredAndCarriesTheGreeting) {
  const auto link = contactLink(Contact{.whatsapp = "+62 812-3456-7890",
                                        .email = "sales@batik.example.id",
                                        .website = "batik.example.id"},
                                "Halo, saya dari stan!");
  ASSERT_TRUE(link);
  EXPECT_EQ(link->kind, Kind::WhatsApp);
  EXPECT_EQ(link->url, "https://wa.me/6281234567890?text=Halo%2C%20saya%20dari%20stan%21");
  EXPECT_EQ(link->shown, "+62 812-3456-7890");
}

TEST(ContactLink, WhatsAppNumbersInEveryUsualFormReachTheSamePhone) {
  for (const std::string number :
       {"+62 812-3456-7890", "0812 3456 7890", "6281234567890", "+62 (0)812 3456 7890",
        "(0812) 3456.7890", "0062 812 3456 7890", "  +6281234567890\t"}) {
    const auto link = whatsappOnly(number);
    ASSERT_TRUE(link) << number;
    EXPECT_EQ(link->kind, Kind::WhatsApp) << number;
    EXPECT_EQ(link->url, "https://wa.me/6281234567890") << number;
  }
}

TEST(ContactLink, AForeignNumberKeepsItsCountryCode) {
  const auto link = whatsappOnly("+60 12-345 6789");
  ASSERT_TRUE(link);
  EXPECT_EQ(link->url, "https://wa.me/60123456789");
}

TEST(ContactLink, TheNumberIsShownAsThePackGivesItTrimmed) {
  const auto link = whatsappOnly("  0812 3456 7890 ");
  ASSERT_TRUE(link);
  EXPECT_EQ(link->shown, "0812 3456 7890");
}

TEST(ContactLink, NumbersThatCannotBeDialledFallThroughToTheWebsite) {
  for (const std::string number :
       {"0812-CALL-NOW", "+62 812 3456 7890 ext 12", "+62 812 3456 7890 / 0813 1111 2222", "12345",
        "+1234567890123456", "+62+812345678", "0812;rm -rf", "+0812345678"}) {
    const auto link = contactLink(
        Contact{.whatsapp = number, .email = "", .website = "batik.example.id"}, "Halo");
    ASSERT_TRUE(link) << number;
    EXPECT_EQ(link->kind, Kind::Website) << number;
  }
}

TEST(ContactLink, AnEmptyGreetingLeavesTheMessageBlank) {
  const auto link = whatsappOnly("+62 812 3456 7890", "");
  ASSERT_TRUE(link);
  EXPECT_EQ(link->url, "https://wa.me/6281234567890");
}

TEST(ContactLink, AWebsiteWithoutASchemeOpensOverHttps) {
  const auto link = websiteOnly("batik-lasem.example.id/katalog");
  ASSERT_TRUE(link);
  EXPECT_EQ(link->kind, Kind::Website);
  EXPECT_EQ(link->url, "https://batik-lasem.example.id/katalog");
  EXPECT_EQ(link->shown, "batik-lasem.example.id");
}

TEST(ContactLink, AWebsiteKeepsItsSchemePortAndPath) {
  const auto plain = websiteOnly("http://Batik.Example.ID/Katalog?Ref=Stand");
  ASSERT_TRUE(plain);
  EXPECT_EQ(plain->url, "http://batik.example.id/Katalog?Ref=Stand");
  EXPECT_EQ(plain->shown, "batik.example.id");
  const auto withPort = websiteOnly("batik.example.id:8080/toko");
  ASSERT_TRUE(withPort);
  EXPECT_EQ(withPort->url, "https://batik.example.id:8080/toko");
  EXPECT_EQ(withPort->shown, "batik.example.id");
}

TEST(ContactLink, NonAsciiInAWebsitePathIsPercentEncoded) {
  const auto link = websiteOnly("https://batik.example.id/kain/蜡染");
  ASSERT_TRUE(link);
  EXPECT_EQ(link->url, "https://batik.example.id/kain/%E8%9C%A1%E6%9F%93");
}

TEST(ContactLink, WebsitesThatCouldHarmAPhoneAreRefused) {
  for (const std::string website :
       {"javascript:alert(document.cookie)", "JavaScript://batik.example.id/%0Aalert(1)",
        "data:text/html,<script>alert(1)</script>", "file:///etc/passwd",
        "intent://scan/#Intent;scheme=zxing;end", "ftp://batik.example.id",
        "https://bank.example.id@evil.example.com", "https://batik example.id",
        "https://batik.example.id\\@evil.example.com", "http:batik.example.id", "https://",
        "localhost", "https://batik.example.id:99999999/"}) {
    EXPECT_FALSE(websiteOnly(website)) << website;
  }
}

TEST(ContactLink, AHostileWebsiteFallsThroughToEmail) {
  const auto link = contactLink(Contact{.whatsapp = "call us",
                                        .email = "sales@batik.example.id",
                                        .website = "javascript:alert(1)"},
                                "Halo");
  ASSERT_TRUE(link);
  EXPECT_EQ(link->kind, Kind::Email);
  EXPECT_EQ(link->url, "mailto:sales@batik.example.id");
  EXPECT_EQ(link->shown, "sales@batik.example.id");
}

TEST(ContactLink, EmailAddressesThatWouldAlterTheMailAreRefused) {
  for (const std::string email :
       {"sales@batik.example.id?bcc=everyone@example.com", "sales", "@batik.example.id",
        "sales@batik", "sales@@batik.example.id", "sales@batik..id", "sa les@batik.example.id",
        "sales@batik.example.id&body=x", "\"sales\"@batik.example.id"}) {
    EXPECT_FALSE(emailOnly(email)) << email;
  }
}

TEST(ContactLink, NothingUsableGivesNoLink) {
  EXPECT_FALSE(contactLink(Contact{}, "Halo"));
  EXPECT_FALSE(contactLink(Contact{.whatsapp = "n/a", .email = "none", .website = "-"}, "Halo"));
}

TEST(ContactLink, UrlEncodeKeepsUnreservedCharactersAndEscapesEveryOtherByte) {
  EXPECT_EQ(urlEncode("AZaz09-._~"), "AZaz09-._~");
  EXPECT_EQ(urlEncode("a b&c=d?e/f+g#h%"), "a%20b%26c%3Dd%3Fe%2Ff%2Bg%23h%25");
  EXPECT_EQ(urlEncode("Café 蜡"), "Caf%C3%A9%20%E8%9C%A1");
  EXPECT_EQ(urlEncode(""), "");
}

}  // namespace
}  // namespace etalase::kiosk
