// The contact form's fields: what is kept of what a visitor types, and what the form asks them to fix.
#include "kiosk/leads/field_validation.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace etalase::kiosk {
namespace {

std::string single(const std::string& text) { return normaliseText(text, TextKind::SingleLine); }
std::string multi(const std::string& text) { return normaliseText(text, TextKind::MultiLine); }

TEST(FieldText, ComposedTrimmedAndOnOneLine) {
  EXPECT_EQ(single("  Jose\xCC\x81  Garci\xCC\x81" "a \t "), "José García");  // NFC: e + U+0301 -> é
  EXPECT_EQ(single("Budi\nSantoso\r\nJr"), "Budi Santoso Jr");
  EXPECT_EQ(single("Li\xC2\xA0\xE3\x80\x80Wei"), "Li Wei");  // no-break and ideographic spaces are spaces
  EXPECT_EQ(single(""), "");
  EXPECT_EQ(single(" \t\r\n "), "");
}

TEST(FieldText, ControlCharactersGo) {
  EXPECT_EQ(single(std::string("Ana\0\x01\x1b[31mLima\x7f", 15)), "Ana[31mLima");
  EXPECT_EQ(single("Ana\xC2\x85Lima\xC2\x9B"), "Ana Lima");  // C1: NEL is a line break, CSI goes
}

TEST(FieldText, HiddenDirectionAndFormatCharactersGo) {
  // "evil<U+202E>gpj.exe" shows as "evilexe.jpg": the override is what makes it lie.
  EXPECT_EQ(single("evil\xE2\x80\xAEgpj.exe"), "evilgpj.exe");
  for (const std::string hidden : {"\xE2\x80\xAA", "\xE2\x80\xAB", "\xE2\x80\xAC", "\xE2\x80\xAD", "\xE2\x81\xA6",
                                   "\xE2\x81\xA7", "\xE2\x81\xA8", "\xE2\x81\xA9", "\xE2\x80\x8E", "\xE2\x80\x8F",
                                   "\xE2\x80\x8B", "\xE2\x81\xA0", "\xEF\xBB\xBF", "\xC2\xAD", "\xD8\x9C"}) {
    EXPECT_EQ(single("Ab" + hidden + "cd"), "Abcd") << "U+" << hidden.size();
  }
  // Tag characters can carry invisible ASCII ("ASCII smuggling"): gone outside a flag.
  EXPECT_EQ(single("Hi\xF3\xA0\x81\x81\xF3\xA0\x81\x82"), "Hi");
  EXPECT_EQ(single("\xE3\x85\xA4"), "");  // a Hangul filler: an invisible "name"
}

TEST(FieldText, JoinersStayWhereWritingNeedsThem) {
  const std::string womanTechnologist = "\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x92\xBB";  // 👩‍💻
  EXPECT_EQ(single("Ana " + womanTechnologist), "Ana " + womanTechnologist);
  const std::string persian = "\xD9\x85\xDB\x8C\xE2\x80\x8C\xD8\xAE\xD9\x88\xD8\xA7\xD9\x87\xD9\x85";  // می‌خواهم
  EXPECT_EQ(single(persian), persian);
  EXPECT_EQ(single("\xE2\x80\x8D" "Ana\xE2\x80\x8C \xE2\x80\x8D"), "Ana");  // at the edges they join nothing
  const std::string england = "\xF0\x9F\x8F\xB4\xF3\xA0\x81\xA7\xF3\xA0\x81\xA2\xF3\xA0\x81\xA5\xF3\xA0\x81\xAE"
                              "\xF3\xA0\x81\xA7\xF3\xA0\x81\xBF";  // 🏴 g b e n g CANCEL TAG
  EXPECT_EQ(single("Fan " + england), "Fan " + england);
}

TEST(FieldText, StackedCombiningMarksAreCut) {
  auto marks = [](int count) {
    std::string text;
    for (int i = 0; i < count; ++i) text += "\xCD\x91";  // U+0351, a combining mark above
    return text;
  };
  // "Zalgo" text piles marks up into the lines above and below on the screen: 8 are kept.
  EXPECT_EQ(single("Z" + marks(40) + "oe"), "Z" + marks(8) + "oe");
  EXPECT_EQ(single("Vi\xE1\xBB\x87t"), "Vi\xE1\xBB\x87t");  // Việt: a letter with two marks, untouched
}

TEST(FieldText, InvalidUtf8IsDropped) { EXPECT_EQ(single("Ana \xFF\xFE Lima\xC3"), "Ana Lima"); }

TEST(FieldText, MessagesKeepTheirLines) {
  EXPECT_EQ(multi("  Hello,\r\n\r\n\r\n\r\nWe need   500 kg\t \nper month.  \n\n"), "Hello,\n\nWe need 500 kg\nper month.");
  EXPECT_EQ(multi("a\xE2\x80\xA8" "b"), "a\nb");  // LINE SEPARATOR
}

TEST(FieldLength, CountsCharactersNotBytes) {
  const std::string hundredHan = [] {
    std::string s;
    for (int i = 0; i < 100; ++i) s += "\xE7\x8E\x8B";  // 王: 3 bytes
    return s;
  }();
  EXPECT_TRUE(checkName(hundredHan).ok());
  const FieldCheck tooLong = checkName(hundredHan + "\xE7\x8E\x8B");
  EXPECT_EQ(tooLong.problem, FieldProblem::TooLong);
  EXPECT_EQ(tooLong.value, hundredHan + "\xE7\x8E\x8B");  // kept whole, so the visitor sees what to shorten
  EXPECT_TRUE(checkCompany(std::string(120, 'c')).ok());
  EXPECT_EQ(checkCompany(std::string(121, 'c')).problem, FieldProblem::TooLong);
  EXPECT_TRUE(checkMessage(std::string(1000, 'm')).ok());
  EXPECT_EQ(checkMessage(std::string(1001, 'm')).problem, FieldProblem::TooLong);
  // Spaces collapsed first: 150 typed characters that normalise to 100 fit.
  EXPECT_TRUE(checkName(std::string(50, ' ') + std::string(100, 'n')).ok());
}

TEST(FieldEmail, PracticalAddressesPass) {
  EXPECT_EQ(checkEmail("  budi@Kopi-Nusantara.CO.ID ").value, "budi@kopi-nusantara.co.id");
  EXPECT_EQ(checkEmail("First.Last+fair@example.com").value, "First.Last+fair@example.com");  // local part as typed
  EXPECT_EQ(checkEmail("user@BÜCHER.de").value, "user@bücher.de");                           // IDN, lower-cased
  EXPECT_EQ(checkEmail("李明@例子.中国").value, "李明@例子.中国");
  EXPECT_EQ(checkEmail("ｌｉ＠ｅｘａｍｐｌｅ．ｃｏｍ").value, "li@example.com");  // typed with a full-width IME
  EXPECT_TRUE(checkEmail("").ok());  // empty is for the rules to judge
}

TEST(FieldEmail, MistakesAreCaught) {
  for (const std::string bad : {"budi", "budi@", "@example.com", "budi@example", "budi@@example.com",
                                "bu di@example.com", "budi@exa mple.com", "budi@example.c0m", "budi@example..com",
                                ".budi@example.com", "budi.@example.com", "bu..di@example.com", "budi@-example.com",
                                "budi@example.com.", "a@b@example.com", "budi@[127.0.0.1]", "budi<x>@example.com",
                                "budi@example.c"}) {
    EXPECT_EQ(checkEmail(bad).problem, FieldProblem::InvalidEmail) << bad;
  }
  EXPECT_EQ(checkEmail(std::string(250, 'a') + "@example.com").problem, FieldProblem::TooLong);
}

TEST(FieldPhone, NormalisedToE164) {
  EXPECT_EQ(checkPhone("+62 812-3456-7890", "").value, "+6281234567890");
  EXPECT_EQ(checkPhone("0812 3456 7890", "ID").value, "+6281234567890");
  EXPECT_EQ(checkPhone("0812 3456 7890", "id").value, "+6281234567890");
  EXPECT_EQ(checkPhone("(+86) 138 0013 8000", "ID").value, "+8613800138000");  // "+" wins over the region
  EXPECT_EQ(checkPhone("012-345 6789", "MY").value, "+60123456789");
  EXPECT_EQ(checkPhone("＋６２ ８１２ ３４５６ ７８９０", "").value, "+6281234567890");  // full-width digits
  EXPECT_EQ(checkPhone("+62 21 555 1234 ext. 12", "").value, "+62215551234;ext=12");
  EXPECT_TRUE(checkPhone("", "ID").ok());
}

TEST(FieldPhone, WhatCannotBeAPhoneNumberIsRefused) {
  EXPECT_EQ(checkPhone("12", "ID").problem, FieldProblem::InvalidPhone);
  EXPECT_EQ(checkPhone("not a number", "ID").problem, FieldProblem::InvalidPhone);
  EXPECT_EQ(checkPhone("+999 1234 5678", "").problem, FieldProblem::InvalidPhone);  // no such country code
  EXPECT_EQ(checkPhone("0812 3456 7890", "").problem, FieldProblem::PhoneNeedsCountry);
  EXPECT_EQ(checkPhone("+62 8123 4567 8901 2345 6789 0123 45", "").problem, FieldProblem::TooLong);
}

TEST(FieldCountry, KnownCodesOnly) {
  EXPECT_EQ(checkCountry(" id ").value, "ID");
  EXPECT_TRUE(checkCountry("").ok());
  EXPECT_EQ(checkCountry("ZZ").problem, FieldProblem::UnknownCountry);
  EXPECT_EQ(checkCountry("Indonesia").problem, FieldProblem::UnknownCountry);
}

TEST(FieldLanguage, TagsInCanonicalCase) {
  EXPECT_EQ(checkLanguage("zh_cn").value, "zh-CN");
  EXPECT_EQ(checkLanguage("ZH-hant-tw").value, "zh-Hant-TW");
  EXPECT_EQ(checkLanguage("id").value, "id");
  EXPECT_EQ(checkLanguage("xx").problem, FieldProblem::InvalidLanguage);
  EXPECT_EQ(checkLanguage("en us").problem, FieldProblem::InvalidLanguage);
  EXPECT_EQ(checkLanguage("english").problem, FieldProblem::InvalidLanguage);
}

ContactDraft goodDraft() {
  ContactDraft draft;
  draft.name = " Budi  Santoso ";
  draft.company = "PT Kopi Nusantara";
  draft.countryCode = "id";
  draft.email = "Budi@Kopi.CO.ID";
  draft.phone = "0812 3456 7890";
  draft.buyerType = "Importer";
  draft.productIds = {"kopi-arabica", " kopi-arabica ", "", "gula-aren"};
  draft.orderVolume = "2 containers a month";
  draft.preferredLanguage = "id";
  draft.message = "Please send samples.\n";
  draft.consent = true;
  return draft;
}

TEST(FieldDraft, AGoodDraftComesBackNormalised) {
  const DraftCheck check = validateDraft(goodDraft());
  EXPECT_TRUE(check.ok());
  EXPECT_EQ(check.normalised.name, "Budi Santoso");
  EXPECT_EQ(check.normalised.countryCode, "ID");
  EXPECT_EQ(check.normalised.email, "Budi@kopi.co.id");
  EXPECT_EQ(check.normalised.phone, "+6281234567890");  // read in the chosen country
  EXPECT_EQ(check.normalised.productIds, (std::vector<std::string>{"kopi-arabica", "gula-aren"}));
  EXPECT_EQ(check.normalised.message, "Please send samples.");
  EXPECT_TRUE(check.normalised.consent);
}

TEST(FieldDraft, TheDefaultRulesAskForNameAWayToReachAndConsent) {
  const DraftCheck empty = validateDraft(ContactDraft{});
  EXPECT_EQ(empty.problems.size(), 4u);
  EXPECT_EQ(empty.problems.at(Field::Name), FieldProblem::Missing);
  EXPECT_EQ(empty.problems.at(Field::Email), FieldProblem::EmailOrPhoneMissing);
  EXPECT_EQ(empty.problems.at(Field::Phone), FieldProblem::EmailOrPhoneMissing);
  EXPECT_EQ(empty.problems.at(Field::Consent), FieldProblem::ConsentMissing);

  ContactDraft phoneOnly = goodDraft();
  phoneOnly.email.clear();
  EXPECT_TRUE(validateDraft(phoneOnly).ok());
  ContactDraft emailOnly = goodDraft();
  emailOnly.phone = "   ";
  EXPECT_TRUE(validateDraft(emailOnly).ok());
  ContactDraft invisibleName = goodDraft();
  invisibleName.name = "\xE2\x80\xAE\xE2\x80\x8B ";  // only hidden characters: nothing is left
  EXPECT_EQ(validateDraft(invisibleName).problems.at(Field::Name), FieldProblem::Missing);
}

TEST(FieldDraft, RulesAreASetting) {
  FormRules rules;
  rules.required = {Field::Company, Field::Country, Field::Products};
  rules.requireEmailOrPhone = false;
  ContactDraft draft;
  draft.name = "Anonymous Visitor";
  const DraftCheck check = validateDraft(draft, rules);
  EXPECT_EQ(check.problems.size(), 3u);
  EXPECT_EQ(check.problems.at(Field::Company), FieldProblem::Missing);
  EXPECT_EQ(check.problems.at(Field::Country), FieldProblem::Missing);
  EXPECT_EQ(check.problems.at(Field::Products), FieldProblem::Missing);
  EXPECT_EQ(check.problems.count(Field::Consent), 0u);
}

TEST(FieldDraft, FieldsReportTheirOwnProblems) {
  ContactDraft draft = goodDraft();
  draft.email = "budi@kopi";
  draft.countryCode = "XX";
  draft.phone = "0812 3456 7890";
  draft.preferredLanguage = "klingon";
  draft.productIds.assign(51, "");
  for (std::size_t i = 0; i < draft.productIds.size(); ++i) draft.productIds[i] = "p" + std::to_string(i);
  const DraftCheck check = validateDraft(draft);
  EXPECT_EQ(check.problems.at(Field::Email), FieldProblem::InvalidEmail);
  EXPECT_EQ(check.problems.at(Field::Country), FieldProblem::UnknownCountry);
  EXPECT_EQ(check.problems.at(Field::Phone), FieldProblem::PhoneNeedsCountry);  // no usable country to read it in
  EXPECT_EQ(check.problems.at(Field::PreferredLanguage), FieldProblem::InvalidLanguage);
  EXPECT_EQ(check.problems.at(Field::Products), FieldProblem::TooMany);
  EXPECT_EQ(check.normalised.email, "budi@kopi");  // shown back for correcting
}

TEST(FieldDraft, TheStandsCountryReadsANationalNumberWhenTheVisitorChoseNone) {
  ContactDraft draft = goodDraft();
  draft.countryCode.clear();
  FormRules rules;
  rules.fallbackPhoneRegion = "ID";
  EXPECT_EQ(validateDraft(draft, rules).normalised.phone, "+6281234567890");
}

TEST(FieldDraft, BuyerTypeFromTheOfferedChoices) {
  FormRules rules;
  rules.buyerTypeChoices = {"Importer", "Distributor", "Retailer"};
  ContactDraft draft = goodDraft();
  draft.buyerType = " importer ";
  DraftCheck check = validateDraft(draft, rules);
  EXPECT_TRUE(check.ok());
  EXPECT_EQ(check.normalised.buyerType, "Importer");
  draft.buyerType = "Spy";
  check = validateDraft(draft, rules);
  EXPECT_EQ(check.problems.at(Field::BuyerType), FieldProblem::UnknownChoice);
}

TEST(FieldDraft, EveryProblemHasEnglishAndEveryFieldAKey) {
  for (FieldProblem problem :
       {FieldProblem::Missing, FieldProblem::EmailOrPhoneMissing, FieldProblem::TooLong, FieldProblem::TooMany,
        FieldProblem::InvalidEmail, FieldProblem::InvalidPhone, FieldProblem::PhoneNeedsCountry,
        FieldProblem::UnknownCountry, FieldProblem::UnknownChoice, FieldProblem::InvalidLanguage,
        FieldProblem::ConsentMissing}) {
    EXPECT_FALSE(fieldProblemText(problem).empty());
  }
  EXPECT_EQ(fieldProblemText(FieldProblem::None), "");
  EXPECT_EQ(fieldKey(Field::PreferredLanguage), "preferred_language");
}

}  // namespace
}  // namespace etalase::kiosk
