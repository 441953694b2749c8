/** Deterministic generator of large, realistic organisations for the Graph fake and benchmarks:
 * one CEO, executives per department, spans of 3–12, at most eight levels, varied names and titles. */

export interface DirectoryUser {
  id: string;
  displayName: string;
  mail: string | null;
  userPrincipalName: string;
  jobTitle: string | null;
  department: string | null;
  accountEnabled: boolean;
  managerId: string | null;
  /** Graph's preferredLanguage; most tenants leave it unset for many people. */
  preferredLanguage?: string | null;
}

/** Cycled by position rather than drawn, so adding them left every generated organisation as it was. */
const PREFERRED_LANGUAGES = ["en-US", null, "de-DE", "fr-FR", null, "es-ES", "ja-JP", "ar-SA", null, "en-GB"];

export interface OrgOptions {
  size: number;
  seed?: number;
  maxDepth?: number;
  domain?: string;
}

/** mulberry32: tiny, fast and good enough for test data. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = "Amara Aiko Ahmed Aleksander Ana Anjali Aroha Astrid Ayesha Bao Beatriz Benjamin Camille Carlos Chen Chiamaka Daniel Dario Deepa Diego Dmitri Eitan Elena Elif Emeka Emma Esperanza Fatima Femi Finn Freya Gabriel Grace Hamid Hana Hannah Hiroshi Ibrahim Ines Ingrid Isabela Ivan Jamal Javier Jin Joao Jonas Kai Kamala Karim Kavya Kenji Kofi Lars Layla Leila Liam Lucia Lukas Mai Malik Mariam Marta Mateo Mei Mia Mohammed Nadia Naledi Nikhil Noah Nora Olga Oluwaseun Omar Pablo Paulo Priya Rafael Rania Ravi Rosa Sakura Samuel Sanjay Sara Sebastian Seo-yeon Sipho Sofia Soren Tariq Thandiwe Tomas Valentina Wei Xavier Yara Yusuf Zainab Zara".split(" ");
const LAST = "Abe Adeyemi Ahmed Alvarez Andersen Bakker Banerjee Benali Bianchi Boateng Brown Castillo Chen Cohen Costa Dlamini Dubois Eriksson Fernandes Fischer Garcia Goldberg Gupta Haddad Hansen Hernandez Hoang Hosseini Ibrahim Ivanova Jensen Johnson Kaplan Karimi Kim Kowalski Kumar Larsen Le Lee Lopez Mahlangu Martin Mehta Mensah Moreau Murphy Mwangi Nakamura Ndlovu Nguyen Nielsen Novak Nowak Nunez Obi Okafor Okoye Olsen Ortiz Park Patel Pereira Petrov Quispe Rahman Raman Reyes Rossi Sato Schmidt Shah Silva Singh Smith Suzuki Tanaka Torres Tran Vargas Vogel Wang Weber Williams Wong Yamamoto Yilmaz Yusuf Zhang Zulu".split(" ");

interface Department {
  name: string;
  exec: string;
  ics: string[];
}

const DEPARTMENTS: Department[] = [
  { name: "Engineering", exec: "Chief Technology Officer", ics: ["Software Engineer", "Senior Software Engineer", "Staff Engineer", "Site Reliability Engineer", "Quality Engineer", "Data Engineer"] },
  { name: "Product", exec: "Chief Product Officer", ics: ["Product Manager", "Senior Product Manager", "Product Designer", "UX Researcher"] },
  { name: "Sales", exec: "Chief Revenue Officer", ics: ["Account Executive", "Sales Development Representative", "Solutions Consultant", "Customer Success Manager"] },
  { name: "Marketing", exec: "Chief Marketing Officer", ics: ["Content Strategist", "Growth Marketer", "Product Marketing Manager", "Brand Designer"] },
  { name: "Finance", exec: "Chief Financial Officer", ics: ["Financial Analyst", "Accountant", "Payroll Specialist", "Procurement Specialist"] },
  { name: "Operations", exec: "Chief Operating Officer", ics: ["Operations Analyst", "IT Support Specialist", "Facilities Coordinator", "Logistics Coordinator"] },
  { name: "People", exec: "Chief People Officer", ics: ["HR Business Partner", "Recruiter", "Learning Specialist", "People Operations Specialist"] },
  { name: "Legal", exec: "General Counsel", ics: ["Corporate Counsel", "Paralegal", "Compliance Analyst"] },
  { name: "Customer Support", exec: "Chief Customer Officer", ics: ["Support Engineer", "Support Specialist", "Technical Account Manager"] },
];

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)]!;
}

function makeId(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16)).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${"89ab"[Math.floor(random() * 4)]}${hex.slice(17, 20)}-${hex.slice(20)}`;
}

function titleFor(random: () => number, level: number, department: Department, isManager: boolean): string {
  if (level === 0) return "Chief Executive Officer";
  if (level === 1) return department.exec;
  if (level === 2) return `Vice President, ${department.name}`;
  if (level === 3 && isManager) return `Director, ${department.name}`;
  if (isManager) return level === 4 ? `Senior Manager, ${department.name}` : `${department.name} Manager`;
  return pick(random, department.ics);
}

interface Slot {
  user: DirectoryUser;
  level: number;
  department: Department;
}

export function generateOrg(options: OrgOptions): DirectoryUser[] {
  const random = createRandom(options.seed ?? 1);
  const maxDepth = options.maxDepth ?? 8;
  const domain = options.domain ?? "fabrikam.example";
  const mailCounts = new Map<string, number>();
  const users: DirectoryUser[] = [];
  const managers: Slot[] = [];
  const add = (level: number, department: Department, manager: DirectoryUser | null, isManager: boolean): Slot => {
    const first = pick(random, FIRST);
    const last = pick(random, LAST);
    const local = `${first}.${last}`.toLowerCase().replace(/[^a-z.]/g, "");
    const count = mailCounts.get(local) ?? 0;
    mailCounts.set(local, count + 1);
    const mail = `${local}${count === 0 ? "" : count + 1}@${domain}`;
    const user: DirectoryUser = { id: makeId(random), displayName: `${first} ${last}`, mail, userPrincipalName: mail, jobTitle: titleFor(random, level, department, isManager), department: level === 0 ? "Leadership" : department.name, accountEnabled: random() > 0.002, managerId: manager?.id ?? null, preferredLanguage: PREFERRED_LANGUAGES[users.length % PREFERRED_LANGUAGES.length] ?? null };
    users.push(user);
    return { user, level, department };
  };
  managers.push(add(0, DEPARTMENTS[0]!, null, true));
  for (let next = 0; next < managers.length && users.length < options.size; next++) {
    const manager = managers[next]!;
    const level = manager.level + 1;
    const span = level === 1 ? DEPARTMENTS.length : 3 + Math.floor(random() * 10);
    for (let k = 0; k < span && users.length < options.size; k++) {
      const department = level === 1 ? DEPARTMENTS[k]! : manager.department;
      const isManager = level < maxDepth - 1 && (level <= 2 || random() < 0.55);
      const slot = add(level, department, manager.user, isManager);
      if (isManager) managers.push(slot);
    }
  }
  return users;
}
