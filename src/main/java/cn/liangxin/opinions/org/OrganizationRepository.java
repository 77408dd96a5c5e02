package cn.liangxin.opinions.org;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface OrganizationRepository extends JpaRepository<Organization, String> {

	List<Organization> findByCommitteeCodeOrderByCode(String committeeCode);

}
