package io.estatedesk.community;

import java.util.List;
import java.util.Optional;

import io.estatedesk.community.Activities.Photo;
import io.estatedesk.community.Activities.PhotoContent;
import io.estatedesk.shared.Strings;
import io.estatedesk.shared.Uploads;
import io.estatedesk.staff.Permissions;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/** The photos of an activity, checked as uploads are. */
@Component
class ActivityPhotos {

	private final JdbcTemplate jdbc;

	private final Permissions permissions;

	private final Uploads uploads;

	ActivityPhotos(JdbcTemplate jdbc, Permissions permissions, Uploads uploads) {
		this.jdbc = jdbc;
		this.permissions = permissions;
		this.uploads = uploads;
	}

	void add(long activityId, MultipartFile file, String caption) {
		Uploads.Checked photo = uploads.check(Uploads.Kind.PHOTO, file, "file");
		jdbc.update("""
				insert into activity_photo (activity_id, file_name, content_type, size_bytes, data, caption, uploaded_by,
				  content_checked)
				values (?, ?, ?, ?, ?, ?, ?, true)""", activityId, photo.fileName(), photo.contentType(), photo.size(),
				photo.data(), Strings.truncate(Strings.orEmpty(Strings.stripped(caption)), 200),
				permissions.currentUsername());
	}

	List<Photo> of(long activityId) {
		return jdbc.query("""
				select id, file_name, caption, size_bytes, uploaded_by, uploaded_at from activity_photo
				where activity_id = ? order by id""", (rs, i) -> new Photo(rs.getLong(1), rs.getString(2), rs.getString(3),
				rs.getLong(4), rs.getString(5), rs.getTimestamp(6).toInstant()), activityId);
	}

	Optional<PhotoContent> content(long activityId, long photoId) {
		return jdbc.query("""
				select file_name, content_type, content_checked, data from activity_photo where id = ? and activity_id = ?""",
				(rs, i) -> new PhotoContent(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getBytes(4)), photoId,
				activityId).stream()
			.findFirst();
	}

}
