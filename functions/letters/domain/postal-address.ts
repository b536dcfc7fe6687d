// A postal address in the Turkish shape: mahalle, cadde/sokak, building (dış kapı) and door (iç kapı)
// numbers, ilçe, il and a five-digit postal code whose first two digits are the il's plate code (PTT
// numbers every il's codes from its plate). Every field is length-limited so a label can hold it.
// The ilçe and mahalle are checked for shape only: no official list of them is kept here.

/** The 81 iller by plate code (01–81), as PTT spells them. */
// biome-ignore format: a table, ten to a line
export const provinces = [
  'Adana', 'Adıyaman', 'Afyonkarahisar', 'Ağrı', 'Amasya', 'Ankara', 'Antalya', 'Artvin', 'Aydın', 'Balıkesir',
  'Bilecik', 'Bingöl', 'Bitlis', 'Bolu', 'Burdur', 'Bursa', 'Çanakkale', 'Çankırı', 'Çorum', 'Denizli',
  'Diyarbakır', 'Edirne', 'Elazığ', 'Erzincan', 'Erzurum', 'Eskişehir', 'Gaziantep', 'Giresun', 'Gümüşhane',
  'Hakkari', 'Hatay', 'Isparta', 'Mersin', 'İstanbul', 'İzmir', 'Kars', 'Kastamonu', 'Kayseri', 'Kırklareli',
  'Kırşehir', 'Kocaeli', 'Konya', 'Kütahya', 'Malatya', 'Manisa', 'Kahramanmaraş', 'Mardin', 'Muğla', 'Muş',
  'Nevşehir', 'Niğde', 'Ordu', 'Rize', 'Sakarya', 'Samsun', 'Siirt', 'Sinop', 'Sivas', 'Tekirdağ', 'Tokat',
  'Trabzon', 'Tunceli', 'Şanlıurfa', 'Uşak', 'Van', 'Yozgat', 'Zonguldak', 'Aksaray', 'Bayburt', 'Karaman',
  'Kırıkkale', 'Batman', 'Şırnak', 'Bartın', 'Ardahan', 'Iğdır', 'Yalova', 'Karabük', 'Kilis', 'Osmaniye', 'Düzce',
] as const;

/** The longest each field may be: what fits a 70 mm label line at 8 pt. */
export const addressLimits = {
  mahalle: 60,
  street: 60,
  buildingNo: 10,
  doorNo: 10,
  district: 40,
  province: 20,
  postalCode: 5,
} as const;

export interface PostalAddress {
  mahalle: string;
  /** Cadde, sokak or bulvar, with its kind as written ("Atatürk Cad.", "Lale Sk."). */
  street: string;
  buildingNo: string;
  doorNo?: string;
  district: string;
  province: string;
  postalCode: string;
}

const fold = (value: string) => value.trim().toLocaleLowerCase('tr');

/** The plate code (1–81) of an il as written in any case, or undefined for no il. */
export const plateOf = (province: string) => {
  const index = provinces.findIndex((p) => fold(p) === fold(province));
  return index < 0 ? undefined : index + 1;
};

export interface AddressProblem {
  path: keyof PostalAddress;
  message: { en: string; tr: string };
}

/** What is wrong with the address, field by field; empty when it can be printed. */
export const addressProblems = (address: PostalAddress): AddressProblem[] => {
  const problems: AddressProblem[] = [];
  for (const [field, max] of Object.entries(addressLimits) as [keyof PostalAddress, number][]) {
    const value = address[field];
    if (value === undefined && field === 'doorNo') continue;
    if (!value?.trim()) problems.push({ path: field, message: { en: 'Required.', tr: 'Zorunlu.' } });
    else if (Array.from(value.trim()).length > max)
      problems.push({ path: field, message: { en: `At most ${max} characters.`, tr: `En çok ${max} karakter.` } });
    else if (/\p{Cc}/u.test(value))
      problems.push({ path: field, message: { en: 'One line of text.', tr: 'Tek satır metin.' } });
  }
  const plate = plateOf(address.province ?? '');
  if (address.province?.trim() && plate === undefined)
    problems.push({
      path: 'province',
      message: { en: 'Not a province of Türkiye.', tr: 'Türkiye’nin bir ili değil.' },
    });
  if (!/^\d{5}$/.test(address.postalCode ?? '')) {
    if (!problems.some((p) => p.path === 'postalCode'))
      problems.push({ path: 'postalCode', message: { en: 'Five digits.', tr: 'Beş rakam.' } });
  } else if (plate !== undefined && Number(address.postalCode.slice(0, 2)) !== plate) {
    problems.push({
      path: 'postalCode',
      message: {
        en: `A postal code in ${provinces[plate - 1]} begins with ${String(plate).padStart(2, '0')}.`,
        tr: `${provinces[plate - 1]} posta kodları ${String(plate).padStart(2, '0')} ile başlar.`,
      },
    });
  }
  return problems;
};

/** The address as stored: trimmed, the il spelled as PTT spells it. */
export const normalizeAddress = (address: PostalAddress): PostalAddress => {
  const plate = plateOf(address.province);
  const tidy = (value: string) => value.trim().replace(/\s+/g, ' ');
  return {
    mahalle: tidy(address.mahalle),
    street: tidy(address.street),
    buildingNo: tidy(address.buildingNo),
    ...(address.doorNo?.trim() ? { doorNo: tidy(address.doorNo) } : {}),
    district: tidy(address.district),
    province: plate ? provinces[plate - 1]! : tidy(address.province),
    postalCode: address.postalCode,
  };
};

/**
 * The lines an envelope or label carries, in PTT's order: the addressee, mahalle, street with
 * building and door numbers, then postal code with ilçe / İL.
 */
export const addressLines = (addressee: string, a: PostalAddress): string[] => [
  addressee,
  `${a.mahalle} Mah.`.replace(/ Mah(alle(si)?)?\.? Mah\.$/i, ' Mah.'),
  `${a.street} No: ${a.buildingNo}${a.doorNo ? ` D: ${a.doorNo}` : ''}`,
  `${a.postalCode} ${a.district} / ${a.province.toLocaleUpperCase('tr')}`,
];
