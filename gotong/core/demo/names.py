"""Plausible Indonesian names with the regional flavour of the four seed cities.

Batak families in Medan carry a marga (daughters as "br. <marga>"), some Palembang families the hereditary
titles Kemas/Masagus/Kiagus and Nyimas/Nyayu, some Bugis families in Tanjungpinang "Andi"; Javanese names come
from Faker's id_ID provider. All synthetic: any likeness to a real person is chance.
"""

import random
from dataclasses import dataclass

from faker import Faker


def _names(text: str) -> tuple[str, ...]:
    return tuple(name.strip() for name in text.split(","))


MELAYU_MALE = _names(
    "Muhammad, Ahmad, Abdul, Rahmat, Ridwan, Zulkifli, Hasan, Husin, Ismail, Yusuf, Fauzi, Hendra, "
    "Rizal, Irwan, Dedi, Ilham, Arif, Fikri, Amir, Hamdan, Kamaruddin, Sulaiman, Zainal, Jamaluddin, "
    "Taufik, Nasrul, Syamsul, Azhar, Hasbi, Mahmud, Rusli, Syahrial, Khairul, Iskandar, Junaidi, "
    "Saiful, Ramli, Idris, Marzuki, Bakri"
)
MELAYU_FEMALE = _names(
    "Siti, Nurhayati, Aminah, Fatimah, Rohani, Rosmawati, Yusnani, Sri, Rahmawati, Yulianti, Fitri, "
    "Aisyah, Khadijah, Mariani, Salmah, Hasnah, Zubaidah, Nurlela, Juliana, Erni, Yanti, Desi, "
    "Halimah, Rukiah, Maimunah, Asmah, Zainab, Rosnah, Nurhasanah, Rahimah, Kartini, Ernawati, "
    "Jamilah, Habibah, Sarifah, Maryam"
)
MELAYU_SECOND_MALE = _names(
    "Syahputra, Saputra, Hidayat, Ramadhan, Effendi, Rahman, Hakim, Fadli, Amin, Ikhsan, "
    "Iskandar, Rasyid, Anwar, Yusuf, Firdaus"
)
MELAYU_SECOND_FEMALE = _names(
    "Wati, Hayati, Ningsih, Sari, Yani, Fitriani, Handayani, Lestari, Rahayu, Susanti, Purnama, Aini, Zahara, Nurjanah"
)
MINANG_MALE = _names(
    "Syafrizal, Afrizal, Erizal, Yuhendri, Zulhendri, Dasrul, Asrul, Jasman, Novrizal, Yondra, "
    "Masrizal, Hendrizal, Zulfahmi, Syamsir, Darmawan, Firman"
)
MINANG_FEMALE = _names(
    "Yusniar, Elvi, Desmawati, Rosnelly, Nurhasanah, Yulidar, Asnidar, Ermawati, Syafrida, Zurniati, "
    "Yusmaneli, Nelly, Rosmaini, Darnis"
)
BATAK_MUSLIM_MARGA = _names(
    "Nasution, Lubis, Harahap, Siregar, Hasibuan, Daulay, Rangkuti, Pulungan, Batubara, Pohan, Matondang"
)
BATAK_CHRISTIAN_MARGA = _names(
    "Simanjuntak, Sitorus, Sinaga, Situmorang, Pasaribu, Tambunan, Manurung, Panjaitan, Hutapea, "
    "Silalahi, Ginting, Tarigan, Sembiring, Purba, Damanik, Saragih, Sihombing, Simatupang"
)
BATAK_CHRISTIAN_MALE = _names(
    "Poltak, Togar, Hotman, Martua, Sahat, Robert, Jhonson, Benny, Parulian, Marihot, Tumpal, Darwin, "
    "Frans, Rudolf, Binsar, Jaya"
)
BATAK_CHRISTIAN_FEMALE = _names(
    "Lamria, Tiurma, Masniari, Rosdiana, Ruth, Dameria, Erlina, Rotua, Hotnida, Rosita, Mega, Lusiana, Nurmaida, Tiomas"
)
TIONGHOA_MALE = _names("Hendra, Sutanto, Rudy, Willy, Akiong, Aliong, Johan, Suryadi, Hermanto")
TIONGHOA_FEMALE = _names("Lili, Meiliana, Susi, Lina, Meiling, Ailian, Yenny, Linda, Vivi")
TIONGHOA_SURNAME = _names("Tan, Lim, Ng, Wijaya, Gunawan, Tanoto, Halim, Kurniawan")
# Children born after 2008 tend to get names of their own generation.
MODERN_MALE = _names(
    "Muhammad Alif, Rizky, Fatih, Azka, Rafa, Zaki, Fadhil, Aditya, Raffi, Farhan, Arkan, Dimas, "
    "Alvaro, Ibrahim, Zidan, Hafiz, Kenzo, Naufal"
)
MODERN_FEMALE = _names(
    "Aqila, Nayla, Khanza, Zahra, Keisya, Aisyah, Syifa, Nabila, Alya, Salsabila, Azzahra, Naura, "
    "Kirana, Adinda, Cahaya, Humaira, Anindya, Shakira"
)
PALEMBANG_TITLES = (("Kms.", "Nyayu"), ("Mgs.", "Nyimas"), ("Kgs.", "Nyayu"), ("R.", "R.A."))

# Which family styles live in which city, with rough shares.
CITY_STYLES = {
    "medan": (("batak", 45), ("melayu", 30), ("jawa", 20), ("minang", 5)),
    "palembang": (("palembang", 65), ("jawa", 20), ("melayu", 10), ("minang", 5)),
    "pekanbaru": (("melayu", 40), ("minang", 35), ("batak", 12), ("jawa", 13)),
    "tanjungpinang": (("melayu", 45), ("bugis", 20), ("jawa", 15), ("tionghoa", 10), ("batak", 5), ("minang", 5)),
}


@dataclass
class Family:
    """What children inherit: a style, a marga or surname, a title."""

    style: str
    surname: str = ""
    christian: bool = False
    title: tuple[str, str] | None = None


class NameMaker:
    def __init__(self, rng: random.Random, fake: Faker):
        self.rng = rng
        self.fake = fake

    def family(self, city: str) -> Family:
        styles, weights = zip(*CITY_STYLES[city], strict=True)
        style = self.rng.choices(styles, weights)[0]
        rng = self.rng
        if style == "batak":
            christian = rng.random() < 0.55
            return Family(style, rng.choice(BATAK_CHRISTIAN_MARGA if christian else BATAK_MUSLIM_MARGA), christian)
        if style == "palembang" and rng.random() < 0.15:
            return Family(style, title=rng.choice(PALEMBANG_TITLES))
        if style == "bugis" and rng.random() < 0.3:
            return Family(style, title=("Andi", "Andi"))
        if style == "tionghoa":
            return Family(style, rng.choice(TIONGHOA_SURNAME))
        if style == "jawa" and rng.random() < 0.3:
            return Family(style, self.fake.last_name_male())
        return Family(style)

    def spouse_family(self, city: str, family: Family) -> Family:
        """A wife keeps her own family name; Batak marry mostly among Batak of the same faith."""
        if family.style == "batak" and self.rng.random() < 0.8:
            pool = BATAK_CHRISTIAN_MARGA if family.christian else BATAK_MUSLIM_MARGA
            return Family("batak", self.rng.choice(pool), family.christian)
        return self.family(city)

    def name(self, family: Family, sex: str, birth_year: int) -> str:
        rng, male = self.rng, sex == "L"
        given = self._given(family, male, birth_year)
        if family.style == "batak":
            return f"{given} {family.surname}" if male else f"{given} br. {family.surname}"
        if family.surname and (male or family.style == "tionghoa"):
            return f"{given} {family.surname}"
        if family.title:
            return f"{family.title[0 if male else 1]} {given}"
        if family.style in ("melayu", "palembang", "bugis", "minang") and rng.random() < 0.5 and birth_year < 2008:
            return f"{given} {rng.choice(MELAYU_SECOND_MALE if male else MELAYU_SECOND_FEMALE)}"
        return given

    def _given(self, family: Family, male: bool, birth_year: int) -> str:
        rng = self.rng
        if birth_year >= 2008 and family.style != "tionghoa" and rng.random() < 0.7:
            return rng.choice(MODERN_MALE if male else MODERN_FEMALE)
        if family.style == "batak" and family.christian:
            return rng.choice(BATAK_CHRISTIAN_MALE if male else BATAK_CHRISTIAN_FEMALE)
        if family.style == "tionghoa":
            return rng.choice(TIONGHOA_MALE if male else TIONGHOA_FEMALE)
        if family.style == "minang":
            return rng.choice(MINANG_MALE if male else MINANG_FEMALE)
        if family.style == "jawa":
            return self.fake.first_name_male() if male else self.fake.first_name_female()
        return rng.choice(MELAYU_MALE if male else MELAYU_FEMALE)
