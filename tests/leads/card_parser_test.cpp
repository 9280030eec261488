// Badge QR codes read into a contact: what the form is filled in with after a scan.
#include "kiosk/leads/card_parser.h"

#include "kiosk/locale/unicode_text.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace etalase::kiosk {
namespace {

ScannedCard parsed(const std::string& text) {
  auto card = parseCard(text);
  EXPECT_TRUE(card.ok()) << (card.ok() ? "" : card.error().text());
  return card.ok() ? card.value() : ScannedCard{};
}

std::optional<CardProblem> problemOf(const std::string& text) {
  auto card = parseCard(text);
  if (card.ok()) return std::nullopt;
  EXPECT_EQ(card.error().where, "contact card");
  return cardProblemOf(card.error());
}

TEST(CardParser, AFairBadgeVCard30) {
  const ScannedCard card = parsed(
      "BEGIN:VCARD\r\n"
      "VERSION:3.0\r\n"
      "N:Santoso;Budi;;;\r\n"
      "FN:Budi Santoso\r\n"
      "ORG:PT Kopi Nusantara;Export Division\r\n"
      "TITLE:Purchasing Manager\r\n"
      "TEL;TYPE=work,voice:+62 21 555 1234\r\n"
      "TEL;TYPE=\"cell\":+62 812-3456-7890\r\n"
      "EMAIL;TYPE=INTERNET:budi@kopinusantara.co.id\r\n"
      "URL:https://kopinusantara.co.id\r\n"
      "ADR;TYPE=work:;;Jl. Sudirman 1;Jakarta;DKI Jakarta;10210;Indonesia\r\n"
      "NOTE:Met at hall B\\nlikes arabica\r\n"
      "END:VCARD\r\n");
  EXPECT_EQ(card.format, ScannedCard::Format::VCard);
  EXPECT_EQ(card.name, "Budi Santoso");
  EXPECT_EQ(card.givenName, "Budi");
  EXPECT_EQ(card.familyName, "Santoso");
  EXPECT_EQ(card.company, "PT Kopi Nusantara");  // the unit after ';' is left out
  EXPECT_EQ(card.title, "Purchasing Manager");
  EXPECT_EQ(card.phones, (std::vector<std::string>{"+62 21 555 1234", "+62 812-3456-7890"}));
  EXPECT_EQ(card.emails, (std::vector<std::string>{"budi@kopinusantara.co.id"}));
  EXPECT_EQ(card.url, "https://kopinusantara.co.id");
  EXPECT_EQ(card.address, "Jl. Sudirman 1, Jakarta, DKI Jakarta, 10210, Indonesia");
  EXPECT_EQ(card.country, "Indonesia");
  EXPECT_EQ(card.countryCode, "ID");
  EXPECT_EQ(card.note, "Met at hall B\nlikes arabica");
  EXPECT_FALSE(card.truncated);
  EXPECT_FALSE(card.charsetConverted);
}

TEST(CardParser, VCard40WithGroupsPrefAndUris) {
  const ScannedCard card = parsed(
      "BEGIN:VCARD\n"
      "VERSION:4.0\n"
      "FN:Li Wei\n"
      "item1.EMAIL;TYPE=work:li.wei@example.cn\n"
      "item2.EMAIL;PREF=1:wei@example.com\n"
      "TEL;VALUE=uri;TYPE=\"voice,cell\":tel:+86-138-0013-8000\n"
      "TEL;TYPE=fax:+86 10 1234 5678\n"
      "END:VCARD\n");
  EXPECT_EQ(card.name, "Li Wei");
  // The preferred address first: it is the one the form's email field gets.
  EXPECT_EQ(card.emails, (std::vector<std::string>{"wei@example.com", "li.wei@example.cn"}));
  EXPECT_EQ(card.phones, (std::vector<std::string>{"+86-138-0013-8000"}));  // "tel:" gone, the fax left out
}

TEST(CardParser, FoldedLinesAreUnfolded) {
  const ScannedCard card = parsed(
      "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Siti Nurhaliza binti\r\n  Tarudin\r\n"
      "NOTE:a long\r\n\tnote\r\nEND:VCARD\r\n");
  EXPECT_EQ(card.name, "Siti Nurhaliza binti Tarudin");  // CRLF + one space removed, the second space kept
  EXPECT_EQ(card.note, "a longnote");
}

TEST(CardParser, EscapesInValues) {
  const ScannedCard card = parsed(
      "BEGIN:VCARD\nVERSION:3.0\nFN:Smith\\, Jr.\\; Bob\nORG:Tom\\, Dick \\& Harry;Sales\n"
      "NOTE:line\\Nbreak and back\\\\slash\nEND:VCARD\n");
  EXPECT_EQ(card.name, "Smith, Jr.; Bob");
  EXPECT_EQ(card.company, "Tom, Dick \\& Harry");  // an escaped ';' is no component break
  EXPECT_EQ(card.note, "line\nbreak and back\\slash");
}

TEST(CardParser, NameFromNWhenThereIsNoFN) {
  EXPECT_EQ(parsed("BEGIN:VCARD\nVERSION:3.0\nN:Doe;John;Quincy;Dr.;\nEND:VCARD").name, "John Quincy Doe");
  EXPECT_EQ(parsed("BEGIN:VCARD\nVERSION:3.0\nFN:\nN:Doe;Jane\nEND:VCARD").name, "Jane Doe");  // an empty FN is none
  // Chinese, Japanese and Korean names read family name first, without a space.
  EXPECT_EQ(parsed("BEGIN:VCARD\nVERSION:3.0\nN:王;小明;;;\nEND:VCARD").name, "王小明");
}

TEST(CardParser, VCard21QuotedPrintableAndCharset) {
  const ScannedCard card = parsed(
      "BEGIN:VCARD\r\nVERSION:2.1\r\n"
      "FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Jos=C3=A9 M=C3=BCller\r\n"
      "ORG;CHARSET=ISO-8859-1;QUOTED-PRINTABLE:Caf=E9 Fran=E7ais\r\n"
      "NOTE;ENCODING=QUOTED-PRINTABLE:first line=0D=0Asecond=\r\n"
      " half\r\n"
      "TEL;WORK;VOICE:+49 30 1234567\r\n"
      "END:VCARD\r\n");
  EXPECT_EQ(card.name, "José Müller");
  EXPECT_EQ(card.company, "Café Français");
  EXPECT_EQ(card.note, "first line\nsecond half");  // the soft break's next line kept its space
  EXPECT_EQ(card.phones, (std::vector<std::string>{"+49 30 1234567"}));
  EXPECT_TRUE(card.charsetConverted);
}

TEST(CardParser, AMeCard) {
  const ScannedCard card = parsed(
      "MECARD:N:Tanaka,Hiroshi;TEL:+81 3 1234 5678;TEL:090-1234-5678;EMAIL:tanaka@example.jp;"
      "ORG:Tanaka Trading;NOTE:Wants samples\\; soon;URL:https\\://example.jp;ADR:1-2-3 Ginza\\, Tokyo\\, Japan;;");
  EXPECT_EQ(card.format, ScannedCard::Format::MeCard);
  EXPECT_EQ(card.name, "Hiroshi Tanaka");
  EXPECT_EQ(card.familyName, "Tanaka");
  EXPECT_EQ(card.givenName, "Hiroshi");
  EXPECT_EQ(card.phones, (std::vector<std::string>{"+81 3 1234 5678", "090-1234-5678"}));
  EXPECT_EQ(card.emails, (std::vector<std::string>{"tanaka@example.jp"}));
  EXPECT_EQ(card.company, "Tanaka Trading");
  EXPECT_EQ(card.note, "Wants samples; soon");
  EXPECT_EQ(card.url, "https://example.jp");
  EXPECT_EQ(card.address, "1-2-3 Ginza, Tokyo, Japan");
  EXPECT_EQ(card.countryCode, "JP");
  EXPECT_FALSE(card.truncated);
}

TEST(CardParser, AMeCardInKanji) {
  const ScannedCard card = parsed("mecard:N:山田,太郎;EMAIL:taro@example.jp;;");
  EXPECT_EQ(card.name, "山田太郎");
}

TEST(CardParser, ATruncatedCardKeepsWhatWasThereAndSaysSo) {
  ScannedCard card = parsed("BEGIN:VCARD\nVERSION:3.0\nFN:Ana Lima\nEMAIL:ana@examp");
  EXPECT_TRUE(card.truncated);
  EXPECT_EQ(card.name, "Ana Lima");
  EXPECT_EQ(card.emails, (std::vector<std::string>{"ana@examp"}));  // the form's check will ask to correct it
  card = parsed("MECARD:N:Lima,Ana;TEL:+55 11 9");
  EXPECT_TRUE(card.truncated);
  EXPECT_EQ(card.phones, (std::vector<std::string>{"+55 11 9"}));
}

TEST(CardParser, ANestedCardIsNotMistakenForTheOuterOne) {
  const ScannedCard card = parsed(
      "BEGIN:VCARD\nVERSION:2.1\nFN:Outer Person\n"
      "AGENT:\nBEGIN:VCARD\nFN:Their Assistant\nEMAIL:assistant@example.com\nEND:VCARD\n"
      "EMAIL:outer@example.com\nEND:VCARD\n"
      "BEGIN:VCARD\nFN:A Second Card\nEND:VCARD\n");
  EXPECT_EQ(card.name, "Outer Person");
  EXPECT_EQ(card.emails, (std::vector<std::string>{"outer@example.com"}));
  EXPECT_FALSE(card.truncated);
}

TEST(CardParser, ThousandsOfNestedBeginsEndTruncatedNotCrashed) {
  std::string text = "BEGIN:VCARD\nFN:Deep\n";
  while (text.size() < 60000) text += "BEGIN:VCARD\n";
  const ScannedCard card = parsed(text);
  EXPECT_EQ(card.name, "Deep");
  EXPECT_TRUE(card.truncated);
}

TEST(CardParser, HugeNumbersOfLinesAndValuesAreCut) {
  std::string text = "BEGIN:VCARD\nFN:Many Phones\n";
  for (int i = 0; text.size() < 60000; ++i) text += "TEL:+1 555 01" + std::to_string(10000 + i) + "\n";
  text += "END:VCARD\n";
  const ScannedCard card = parsed(text);
  EXPECT_EQ(card.phones.size(), kMaxCardValues);
  std::string blank = "BEGIN:VCARD\n" + std::string(60000, '\n') + "FN:After Blank Lines\nEND:VCARD";
  EXPECT_EQ(parsed(blank).name, "After Blank Lines");
}

TEST(CardParser, EmptyValuesAreNotValues) {
  const ScannedCard card = parsed("BEGIN:VCARD\nFN:Only Name\nEMAIL:\nTEL: \nORG:;\nN:;;;;\nEND:VCARD");
  EXPECT_TRUE(card.emails.empty());
  EXPECT_TRUE(card.phones.empty());
  EXPECT_EQ(card.company, "");
  EXPECT_EQ(problemOf("BEGIN:VCARD\nVERSION:3.0\nFN:\nEMAIL:\nEND:VCARD"), CardProblem::NoContactDetails);
  EXPECT_EQ(problemOf("MECARD:;;"), CardProblem::NoContactDetails);
}

TEST(CardParser, WhatIsNotACardIsRefusedPolitely) {
  EXPECT_EQ(problemOf(""), CardProblem::Empty);
  EXPECT_EQ(problemOf(" \r\n"), CardProblem::Empty);
  EXPECT_EQ(problemOf("https://example.com/product/42"), CardProblem::NotACard);
  EXPECT_EQ(problemOf("8991234567890"), CardProblem::NotACard);
  EXPECT_EQ(problemOf(std::string("BEGIN:VCARD\nFN:A\0B\nEND:VCARD", 28)), CardProblem::NotACard);  // binary
  auto error = parseCard("WIFI:S:stand;T:WPA;P:secret;;");
  ASSERT_FALSE(error.ok());
  EXPECT_EQ(error.error().what, "This code is not a contact card.");
}

TEST(CardParser, MoreThan64KiBIsRefusedUnread) {
  std::string text = "BEGIN:VCARD\nFN:Big\nNOTE:" + std::string(100 * 1024, 'x') + "\nEND:VCARD";
  EXPECT_EQ(problemOf(text), CardProblem::TooLarge);
  EXPECT_EQ(cardProblemText(CardProblem::TooLarge), "This code holds too much to be a contact card.");
}

TEST(CardParser, Latin1BytesAreConvertedAndBrokenUtf8Repaired) {
  // A card written in Latin-1 without saying so: every byte above 0x7F is one character.
  ScannedCard card = parsed("BEGIN:VCARD\nFN:Jos\xe9 M\xfcller\nORG:Caf\xe9\nEND:VCARD");
  EXPECT_EQ(card.name, "José Müller");
  EXPECT_EQ(card.company, "Café");
  EXPECT_TRUE(card.charsetConverted);
  // UTF-8 with one damaged byte: the good characters stay, the bad one is marked.
  card = parsed("BEGIN:VCARD\nFN:Zoë \xff Ñuñez\nEND:VCARD");
  EXPECT_EQ(card.name, "Zoë \xEF\xBF\xBD Ñuñez");
  EXPECT_FALSE(card.charsetConverted);
}

TEST(CardParser, ByteOrderMarksAreNotPartOfTheCard) {
  EXPECT_EQ(parsed("\xEF\xBB\xBF" "BEGIN:VCARD\nFN:Bom Utf8\nEND:VCARD").name, "Bom Utf8");
  const std::string utf16 = std::string("\xFF\xFE", 2) + std::string("B\0E\0G\0I\0N\0:\0V\0C\0A\0R\0D\0\n\0F\0N\0:\0X\0\n\0", 34);
  EXPECT_EQ(parsed(utf16).name, "X");
}

TEST(CardParser, RandomBytesNeverCrashAndNeverGiveInvalidUtf8) {
  std::mt19937 random(20261202);
  std::uniform_int_distribution<int> byte(0, 255);
  const std::vector<std::string> starts = {"", "BEGIN:VCARD\n", "MECARD:", "BEGIN:VCARD\nFN:"};
  for (int round = 0; round < 400; ++round) {
    std::string text = starts[static_cast<std::size_t>(round) % starts.size()];
    const int length = round < 390 ? 1 + round * 7 : 60000;
    for (int i = 0; i < length; ++i) {
      int b = byte(random);
      if (round % 2 && b < 0x20) b = "\n;:\\="[b % 5];  // half the rounds: no binary bytes, more structure
      text += static_cast<char>(b);
    }
    auto card = parseCard(text);
    if (!card.ok()) continue;
    for (const std::string* value : {&card.value().name, &card.value().company, &card.value().note, &card.value().address}) {
      EXPECT_TRUE(text::isValidUtf8(*value)) << "round " << round;
    }
    for (const auto& list : {card.value().emails, card.value().phones}) {
      for (const std::string& value : list) EXPECT_TRUE(text::isValidUtf8(value)) << "round " << round;
    }
  }
}

TEST(CardParser, HostileParametersAndLinesAreSkipped) {
  const ScannedCard card = parsed(
      "BEGIN:VCARD\nVERSION:3.0\n"
      "this line is no property\n"
      ":no name\n"
      "TEL;TYPE=\"unterminated:+1 555\n"
      "EMAIL;;;;;:a@example.com\n"
      "FN;X-\"odd\"=\";:,\":Quoted Colon\n"
      "END:VCARD");
  EXPECT_EQ(card.emails, (std::vector<std::string>{"a@example.com"}));
  EXPECT_EQ(card.name, "Quoted Colon");  // the ':' inside quotes did not end the parameters
  EXPECT_TRUE(card.phones.empty());
}

TEST(CardParser, AScanFillsTheFormWithoutOverwritingWhatWasTyped) {
  ContactDraft draft;
  draft.name = "Budi S.";  // typed before the visitor found the badge scanner
  fillFromCard(draft, parsed("BEGIN:VCARD\nFN:Budi Santoso\nORG:PT Kopi\nEMAIL:b@kopi.co.id\n"
                             "EMAIL;TYPE=pref:budi@kopi.co.id\nTEL:0812 3456 7890\n"
                             "ADR:;;Jl. Sudirman 1;Jakarta;;;Indonesia\nNOTE:Met at booth 12\nEND:VCARD"));
  EXPECT_EQ(draft.name, "Budi S.");
  EXPECT_EQ(draft.message, "Met at booth 12");
  EXPECT_EQ(draft.company, "PT Kopi");
  EXPECT_EQ(draft.email, "budi@kopi.co.id");
  EXPECT_EQ(draft.phone, "0812 3456 7890");
  EXPECT_EQ(draft.countryCode, "ID");
  // And the national number reads in the card's country.
  EXPECT_EQ(validateDraft(draft).normalised.phone, "+6281234567890");
}

}  // namespace
}  // namespace etalase::kiosk
