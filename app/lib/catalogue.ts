// Catalogue limits shared by the server and the pages.
export const CATALOGUE_PAGE_SIZE = 12;
export const COMPARE_MAX = 3;
