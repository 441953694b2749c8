/** The demo organisation for local runs: 50 people in five levels at the fictional Contoso. Ids are
 * stable so demo sign-in, seeded goals and tests can name people across restarts. */
import type { Person } from "../domain/types.js";

export const DEMO_TENANT_ID = "5c4d1e7a-0000-4000-8000-000000000000";
export const DEMO_MAIL_DOMAIN = "contoso.example";
const DEMO_UPDATED_AT = "2026-01-01T00:00:00.000Z";

export function demoPersonId(n: number): string {
  return `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
}

type Row = [n: number, name: string, jobTitle: string, department: string, managerN: number | null];

const ROWS: Row[] = [
  [1, "Amara Okafor", "Chief Executive Officer", "Leadership", null],
  [2, "Rosa Jiménez", "Executive Assistant", "Leadership", 1],
  [3, "Daniel Kim", "Chief Technology Officer", "Engineering", 1],
  [4, "Sofia Alvarez", "Chief Product Officer", "Product", 1],
  [5, "Grace Mensah", "Chief Revenue Officer", "Sales", 1],
  [6, "Lucas Moreau", "Chief Marketing Officer", "Marketing", 1],
  [7, "Priya Raman", "Chief Financial Officer", "Finance", 1],
  [8, "Tomasz Nowak", "Chief Operating Officer", "Operations", 1],
  [9, "Aisha Rahman", "Chief People Officer", "People", 1],
  [10, "Hiroshi Tanaka", "Director of Platform Engineering", "Engineering", 3],
  [11, "Olivia Chen", "Director of Product Engineering", "Engineering", 3],
  [12, "Fatima Zahra El Idrissi", "Engineering Manager, Infrastructure", "Engineering", 10],
  [13, "Ingrid Larsen", "Engineering Manager, Developer Experience", "Engineering", 10],
  [14, "Samuel Adeyemi", "Engineering Manager, Mobile", "Engineering", 11],
  [15, "Hannah Schmidt", "Engineering Manager, Web", "Engineering", 11],
  [16, "Mateo Rossi", "Senior Software Engineer", "Engineering", 12],
  [17, "Chloé Dubois", "Site Reliability Engineer", "Engineering", 12],
  [18, "Kwame Boateng", "Software Engineer", "Engineering", 12],
  [19, "Wei Zhang", "Data Engineer", "Engineering", 12],
  [20, "Arjun Mehta", "Software Engineer", "Engineering", 13],
  [21, "Elena Petrova", "Senior Software Engineer", "Engineering", 13],
  [22, "Yuki Sato", "Senior iOS Engineer", "Engineering", 14],
  [23, "Diego Hernández", "Android Engineer", "Engineering", 14],
  [24, "Noah Williams", "Frontend Engineer", "Engineering", 15],
  [25, "Leila Haddad", "Senior Frontend Engineer", "Engineering", 15],
  [26, "Ravi Shankar", "Quality Engineer", "Engineering", 15],
  [27, "Marcus Johnson", "Group Product Manager", "Product", 4],
  [28, "Mei Lin", "Design Director", "Product", 4],
  [29, "Zara Ahmed", "Senior Product Manager", "Product", 27],
  [30, "Lars Eriksson", "Product Manager", "Product", 27],
  [31, "Gabriel Costa", "Senior Product Designer", "Product", 28],
  [32, "Nadia Ivanova", "UX Researcher", "Product", 28],
  [33, "Oliver Bennett", "Sales Director, EMEA", "Sales", 5],
  [34, "Isabela Santos", "Sales Director, Americas", "Sales", 5],
  [35, "Fatou Diallo", "Account Executive", "Sales", 33],
  [36, "Jonas Weber", "Account Executive", "Sales", 33],
  [37, "Ethan Brooks", "Account Executive", "Sales", 34],
  [38, "Maya Patel", "Sales Development Representative", "Sales", 34],
  [39, "Layla Karimi", "Customer Success Manager", "Sales", 34],
  [40, "Aoife Murphy", "Content Marketing Manager", "Marketing", 6],
  [41, "Karim Benali", "Growth Marketing Manager", "Marketing", 6],
  [42, "Sebastian Vogel", "Product Marketing Manager", "Marketing", 6],
  [43, "Anna Kowalski", "Financial Controller", "Finance", 7],
  [44, "Tariq Hassan", "Financial Analyst", "Finance", 43],
  [45, "Lucy Nguyen", "Senior Accountant", "Finance", 7],
  [46, "Sipho Ndlovu", "IT Manager", "Operations", 8],
  [47, "Emily Clarke", "IT Support Specialist", "Operations", 46],
  [48, "Pedro Alves", "Facilities Coordinator", "Operations", 8],
  [49, "Chiara Bianchi", "HR Business Partner", "People", 9],
  [50, "Jamal Wright", "Talent Acquisition Lead", "People", 9],
];

/** first.last, without accents or spaces, as most mail systems spell names. */
function mailFor(name: string): string {
  const parts = name.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().split(" ");
  const last = parts.length > 2 ? parts.slice(2).join("") : parts[parts.length - 1];
  return `${parts[0]}.${last}@${DEMO_MAIL_DOMAIN}`;
}

export const DEMO_PEOPLE: Person[] = ROWS.map(([n, displayName, jobTitle, department, managerN]) => ({
  id: demoPersonId(n),
  displayName,
  mail: mailFor(displayName),
  jobTitle,
  department,
  managerId: managerN === null ? null : demoPersonId(managerN),
  accountEnabled: true,
  updatedAt: DEMO_UPDATED_AT,
}));

/** The Chief People Officer and the IT Manager administer Cascade in the demo. */
export const DEMO_ADMIN_IDS: readonly string[] = [demoPersonId(9), demoPersonId(46)];
