/** Words shared by the admin pages. */
export const adminText = {
	sv: {
		admin: 'Administration',
		menu: 'Administrationsmeny',
		overview: 'Översikt',
		report: 'Att rapportera',
		users: 'Användare',
		review: 'Granskning',
		publicSite: 'Publika sajten',
		signOut: 'Logga ut',
		signedInAs: 'Inloggad som',
		skipToContent: 'Till innehållet',
		roles: { admin: 'Administratör', editor: 'Redaktör', reviewer: 'Granskare' }
	},
	en: {
		admin: 'Administration',
		menu: 'Admin menu',
		overview: 'Overview',
		report: 'To report',
		users: 'Users',
		review: 'Review',
		publicSite: 'Public site',
		signOut: 'Sign out',
		signedInAs: 'Signed in as',
		skipToContent: 'Skip to content',
		roles: { admin: 'Administrator', editor: 'Editor', reviewer: 'Reviewer' }
	}
};
